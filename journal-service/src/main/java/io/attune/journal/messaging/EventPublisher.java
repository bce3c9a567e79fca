package io.attune.journal.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.attune.chassis.tracing.TraceParents;
import io.attune.journal.config.JournalConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Identifier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Publishes outbox events as CloudEvents 1.0 in binary mode (the {@code ce_*} headers SmallRye Kafka reads),
 * keyed by clientId, with {@code acks=all} and idempotence, and reports which ones the broker acknowledged.
 *
 * <p>Each record gets a producer span whose parent is the trace context stored with the document, and that span's
 * W3C {@code traceparent} header, so the trace of the POST continues in the consumers. The producer's client
 * metrics are bound to the meter registry like those of the SmallRye Kafka clients.
 */
@ApplicationScoped
public class EventPublisher {

    static final String SOURCE = "/attune/journal-service";
    static final String SCHEMA_BASE = "https://attune.io/schemas/";

    /**
     * One event to publish. {@code id} is the stored document's id, so a re-publication carries the same id;
     * {@code traceparent} is the trace context stored with it, or null. A null payload is a tombstone: on a
     * compacted topic it removes the key.
     */
    public record OutgoingEvent(String topic, String clientId, String id, String type, String schema, Instant time,
            Object payload, String traceparent) {
    }

    private final KafkaProducer<String, byte[]> producer;
    private final KafkaClientMetrics clientMetrics;
    private final ObjectMapper mapper;
    private final Duration sendTimeout;
    private final Tracer tracer;
    private final TextMapPropagator propagator;
    private volatile Instant lastAcknowledged;
    private volatile Instant lastFailed;
    private volatile String lastFailure;
    private boolean closed;

    public EventPublisher(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            JournalConfig config, ObjectMapper mapper, OpenTelemetry openTelemetry, MeterRegistry registry) {
        this.mapper = mapper;
        this.sendTimeout = config.outbox().sendTimeout();
        this.tracer = openTelemetry.getTracer("io.attune.journal.outbox");
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
        Properties props = new Properties();
        // Every kafka.* property (TLS, SASL, ...) applies; the delivery guarantees below are not negotiable.
        props.putAll(kafkaConfig);
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "journal-service-outbox");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        // Fail fast while the broker is away; the relay retries from the database, never from memory.
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Math.max(sendTimeout.toMillis(), 5_010));
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        this.producer = new KafkaProducer<>(props);
        this.clientMetrics = new KafkaClientMetrics(producer);
        clientMetrics.bindTo(registry);
    }

    /** When the broker last acknowledged an event, or null. */
    public Instant lastAcknowledged() {
        return lastAcknowledged;
    }

    /** When a publication last failed, or null. */
    public Instant lastFailed() {
        return lastFailed;
    }

    /** Why the last publication failed, or null. */
    public String lastFailure() {
        return lastFailure;
    }

    /**
     * Sends the events in order and waits for the broker. Returns how many of them, from the start of the list,
     * were acknowledged: everything after the first failure is left for the next attempt, so per-client order holds.
     */
    public int publish(List<OutgoingEvent> events) {
        List<Future<RecordMetadata>> sent = new ArrayList<>(events.size());
        List<Span> spans = new ArrayList<>(events.size());
        try {
            for (OutgoingEvent event : events) {
                Span span = startSpan(event);
                spans.add(span);
                Future<RecordMetadata> future = producer.send(toRecord(event, Context.root().with(span)));
                sent.add(future);
                if (refused(future)) {
                    // Refused before it left (no metadata within max.block.ms). Handing over the next events
                    // anyway would let them reach the broker ahead of this one once it is back: out of order.
                    break;
                }
            }
        } catch (RuntimeException e) {
            Log.warnf("Kafka refused an outbox event (%s); %d of %d were handed over", e.getClass().getSimpleName(),
                    sent.size(), events.size());
            failed(e.toString());
        }
        long deadline = System.nanoTime() + sendTimeout.toNanos();
        int acknowledged = 0;
        try {
            for (; acknowledged < sent.size(); acknowledged++) {
                try {
                    sent.get(acknowledged).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (ExecutionException | TimeoutException e) {
                    String cause = e.getCause() == null ? e.toString() : e.getCause().toString();
                    Log.warnf("Kafka did not acknowledge event %s on %s: %s", events.get(acknowledged).id(),
                            events.get(acknowledged).topic(), cause);
                    failed(cause);
                    break;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
                spans.get(acknowledged).end();
            }
        } finally {
            // What was not acknowledged stays pending and gets a new span when it is published again.
            for (int i = acknowledged; i < spans.size(); i++) {
                spans.get(i).setStatus(StatusCode.ERROR, "not acknowledged").end();
            }
        }
        if (acknowledged > 0) {
            lastAcknowledged = Instant.now();
        }
        return acknowledged;
    }

    private void failed(String cause) {
        lastFailure = cause;
        lastFailed = Instant.now();
    }

    private Span startSpan(OutgoingEvent event) {
        return tracer.spanBuilder(event.topic() + " publish")
                .setParent(TraceParents.restore(event.traceparent()))
                .setSpanKind(SpanKind.PRODUCER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation", "publish")
                .setAttribute("messaging.destination.name", event.topic())
                .setAttribute("messaging.message.id", event.id())
                .startSpan();
    }

    private static boolean refused(Future<RecordMetadata> future) {
        if (!future.isDone()) {
            return false;
        }
        try {
            future.get();
            return false;
        } catch (ExecutionException e) {
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private ProducerRecord<String, byte[]> toRecord(OutgoingEvent event, Context trace) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, "ce_specversion", "1.0");
        header(headers, "ce_id", event.id());
        header(headers, "ce_source", SOURCE);
        header(headers, "ce_type", event.type());
        header(headers, "ce_subject", event.clientId());
        header(headers, "ce_time", event.time().toString());
        header(headers, "ce_dataschema", SCHEMA_BASE + event.schema() + ".schema.json");
        header(headers, "content-type", "application/json");
        propagator.inject(trace, headers, (carrier, name, value) -> header(carrier, name, value));
        return new ProducerRecord<>(event.topic(), null, event.clientId(),
                event.payload() == null ? null : serialize(event.payload()), headers);
    }

    private byte[] serialize(Object payload) {
        try {
            return mapper.writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + payload.getClass().getSimpleName(), e);
        }
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Closes the producer after the relay has stopped: the relay observes the same event at the default priority,
     * which runs first. Bean destruction alone has no order, and the relay must not send on a closed producer.
     */
    void onShutdown(@Observes @Priority(OutboxRelay.SHUTDOWN_PRIORITY + 500) ShutdownEvent event) {
        close();
    }

    @PreDestroy
    synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        clientMetrics.close();
        producer.close(Duration.ofSeconds(5));
    }
}
