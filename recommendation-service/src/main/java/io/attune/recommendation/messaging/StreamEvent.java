package io.attune.recommendation.messaging;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * One record of {@code recommendations} as a Server-Sent Event: its position in the topic is the SSE id
 * ({@code partition-offset}), so a client that reconnects with {@code Last-Event-ID} can be resumed from there.
 *
 * @param eventId the CloudEvents id; the relay may publish an event twice, and a stream sends it once
 * @param json the event body, a recommendation-changed.v1 document
 */
public record StreamEvent(int partition, long offset, String clientId, String eventId, String json) {

    static StreamEvent of(ConsumerRecord<String, String> record) {
        Header id = record.headers().lastHeader("ce_id");
        return new StreamEvent(record.partition(), record.offset(), record.key(),
                id == null ? record.partition() + "-" + record.offset() : new String(id.value(), StandardCharsets.UTF_8),
                record.value());
    }

    public String sseId() {
        return partition + "-" + offset;
    }

    /** A position parsed from a {@code Last-Event-ID} header. */
    public record Position(int partition, long offset) {

        /** @throws IllegalArgumentException when {@code value} is not an id this service sent */
        public static Position parse(String value) {
            int dash = value.indexOf('-');
            try {
                if (dash <= 0) {
                    throw new NumberFormatException();
                }
                Position position = new Position(Integer.parseInt(value.substring(0, dash)),
                        Long.parseLong(value.substring(dash + 1)));
                if (position.partition < 0 || position.offset < 0) {
                    throw new NumberFormatException();
                }
                return position;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not an event id of this stream: " + value);
            }
        }
    }
}
