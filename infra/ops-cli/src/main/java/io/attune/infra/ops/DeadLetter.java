package io.attune.infra.ops;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * One record of a dead-letter topic, with the failure headers that SmallRye Reactive Messaging's
 * {@code dead-letter-queue} strategy adds next to the record's own headers (CloudEvents {@code ce_*}).
 */
record DeadLetter(String topic, int partition, long offset, Instant timestamp, String key,
        Map<String, String> headers, byte[] value) {

    static final String REASON = "dead-letter-reason";
    static final String CAUSE = "dead-letter-cause";
    static final String EXCEPTION = "dead-letter-exception-class-name";
    static final String CAUSE_CLASS = "dead-letter-cause-class-name";
    static final String ORIGINAL_TOPIC = "dead-letter-topic";
    static final String ORIGINAL_PARTITION = "dead-letter-partition";
    static final String ORIGINAL_OFFSET = "dead-letter-offset";
    /** Header prefix of the failure headers, which a replay leaves behind. */
    static final String FAILURE_PREFIX = "dead-letter-";

    static DeadLetter of(ConsumerRecord<String, byte[]> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
        }
        return new DeadLetter(record.topic(), record.partition(), record.offset(),
                Instant.ofEpochMilli(record.timestamp()), record.key(), headers,
                record.value() == null ? new byte[0] : record.value());
    }

    String header(String name) {
        return headers.get(name);
    }

    /** Where the record came from, e.g. {@code attunement-scores/2@118}; null when the headers do not say. */
    String origin() {
        String original = header(ORIGINAL_TOPIC);
        return original == null ? null
                : original + "/" + header(ORIGINAL_PARTITION) + "@" + header(ORIGINAL_OFFSET);
    }

    /** The exception class that failed the record, without its package. */
    String exceptionSimpleName() {
        String name = header(EXCEPTION);
        return name == null ? "?" : name.substring(name.lastIndexOf('.') + 1);
    }

    String position() {
        return topic + "/" + partition + "@" + offset;
    }
}
