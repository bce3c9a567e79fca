package io.attune.infra.ops;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Re-publishes dead letters to the topic they came from, with the same key (so the same partition and per-client
 * order as any record of that client) and the same CloudEvents headers, so they take the normal consumer path;
 * consumers deduplicate by event id. The failure headers are dropped and {@value #MARKER} records where the copy
 * came from. What was replayed is committed for the replay tool's own consumer group, after the broker
 * acknowledged the copies, so a second replay sends only dead letters that arrived since.
 */
final class Replayer {

    static final String DEFAULT_GROUP = "attune-dlq-replay";
    /** Header on a replayed copy: the dead letter it was made from, {@code topic/partition@offset}. */
    static final String MARKER = "attune-replayed-from";

    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** What a replay did: records sent, records that could not be (no origin header), and why. */
    record Result(long replayed, long skipped, List<String> problems) {
    }

    private final String bootstrapServers;
    private final String group;

    Replayer(String bootstrapServers, String group) {
        this.bootstrapServers = bootstrapServers;
        this.group = group;
    }

    /** Replays the dead letters of {@code topic} not yet replayed by this group; with dryRun, only counts them. */
    Result replay(String topic, boolean dryRun) throws InterruptedException {
        long replayed = 0;
        long skipped = 0;
        List<String> problems = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(DeadLetterReader.properties(bootstrapServers, group));
                KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerProperties())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, TIMEOUT).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            // Assigned, not subscribed: no rebalance to wait for, and the group's offsets are only ours to move.
            consumer.assign(partitions);
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new HashSet<>(partitions), TIMEOUT);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, TIMEOUT);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
            for (TopicPartition tp : partitions) {
                OffsetAndMetadata done = committed.get(tp);
                consumer.seek(tp, done == null ? begin.get(tp) : Math.max(done.offset(), begin.get(tp)));
            }
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " within " + TIMEOUT.toSeconds() + " s");
                }
                ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
                Map<TopicPartition, OffsetAndMetadata> progress = new HashMap<>();
                List<Future<RecordMetadata>> sends = new ArrayList<>();
                for (ConsumerRecord<String, byte[]> record : records) {
                    TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= end.get(tp)) {
                        continue;
                    }
                    DeadLetter letter = DeadLetter.of(record);
                    String target = letter.header(DeadLetter.ORIGINAL_TOPIC);
                    if (target == null) {
                        skipped++;
                        problems.add(letter.position() + ": no " + DeadLetter.ORIGINAL_TOPIC + " header, not replayed");
                    } else {
                        replayed++;
                        if (!dryRun) {
                            sends.add(producer.send(copy(record, target)));
                        }
                    }
                    progress.put(tp, new OffsetAndMetadata(record.offset() + 1));
                }
                if (dryRun || progress.isEmpty()) {
                    continue;
                }
                producer.flush();
                for (Future<RecordMetadata> send : sends) {
                    try {
                        send.get();
                    } catch (ExecutionException e) {
                        // Nothing of this batch is committed, so the next replay sends it again.
                        throw new IllegalStateException("replay of " + topic + " failed: " + e.getCause(), e.getCause());
                    }
                }
                consumer.commitSync(progress, TIMEOUT);
            }
        }
        return new Result(replayed, skipped, problems);
    }

    /** Committed offsets of {@code group} on these partitions; absent where it has none. */
    static Map<TopicPartition, Long> committed(String bootstrapServers, String group, List<TopicPartition> partitions) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(props)) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, Long> result = new HashMap<>();
            for (TopicPartition tp : partitions) {
                OffsetAndMetadata offset = offsets.get(tp);
                if (offset != null) {
                    result.put(tp, offset.offset());
                }
            }
            return result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the offsets of group " + group + ": " + e.getCause(), e);
        }
    }

    private static ProducerRecord<String, byte[]> copy(ConsumerRecord<String, byte[]> record, String target) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            if (!header.key().startsWith(DeadLetter.FAILURE_PREFIX) && !header.key().equals(MARKER)) {
                headers.add(header);
            }
        }
        headers.add(MARKER, (record.topic() + "/" + record.partition() + "@" + record.offset())
                .getBytes(StandardCharsets.UTF_8));
        return new ProducerRecord<>(target, null, record.key(), record.value(), headers);
    }

    private Properties producerProperties() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "attune-dlq-replay");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return props;
    }
}
