package io.attune.recommendation;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.attune.infra.testing.EventContract;
import io.attune.infra.testing.TestAuth;
import io.attune.infra.testing.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

/** Publishes what scoring-service and journal-service would, and reads what this service publishes. */
final class KafkaTestClient {

    static final String SCORES = "attunement-scores";
    static final String SCORES_DLQ = "attunement-scores-dlq";
    static final String ERASURES = "client-erasures";
    static final String ACCESS = "client-access";
    static final String ACCESS_TYPE = "attune.journal.client-access-changed.v1";
    static final String ERASURES_DLQ = "client-erasures-dlq";
    static final String RECOMMENDATIONS = "recommendations";
    static final String SCORE_TYPE = "attune.scoring.score-computed.v1";
    static final String ERASURE_TYPE = "attune.journal.client-erasure-requested.v1";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> KNOWN_CLIENTS = ConcurrentHashMap.newKeySet();
    /** Versions only grow, as journal-service's outbox sequence does; a time base keeps them above earlier runs. */
    private static final AtomicLong ACCESS_VERSION = new AtomicLong(System.currentTimeMillis() * 1000);
    private static KafkaProducer<String, String> producer;

    private KafkaTestClient() {
    }

    /**
     * Publishes the score as scoring-service does: key and ce_subject the client, ce_id the scoreId. The first
     * time a client is seen, it is first made known as a client of {@link TestAuth#TENANT}, as journal-service
     * would have done when the client's material arrived.
     */
    static void publish(ScoreEvent score) {
        if (!KNOWN_CLIENTS.contains(score.clientId())) {
            grantAccess(score.clientId(), List.of(), false);
        }
        publish(SCORES, score.clientId(), score.scoreId(), "/attune/scoring-service", SCORE_TYPE, score.json());
    }

    /**
     * Publishes the client's access (tenant {@link TestAuth#TENANT}, these coaches, this consent) as
     * journal-service does, and waits until this service applied it.
     */
    static void grantAccess(String clientId, List<String> coaches, boolean shareTextWithCoach) {
        long version = ACCESS_VERSION.incrementAndGet();
        String json = """
                {"clientId":"%s","tenant":"%s","coaches":[%s],"shareTextWithCoach":%s,"version":%d}"""
                .formatted(clientId, TestAuth.TENANT, String.join(",", coaches.stream().map(c -> '"' + c + '"')
                        .toList()), shareTextWithCoach, version);
        EventContract.assertValid(EventContract.CLIENT_ACCESS_CHANGED, json);
        String eventId = UUID.nameUUIDFromBytes((clientId + ":" + version).getBytes(StandardCharsets.UTF_8)).toString();
        publish(ACCESS, clientId, eventId, "/attune/journal-service", ACCESS_TYPE, json);
        KNOWN_CLIENTS.add(clientId);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> TestAuth.as(TestTokens.app(TestAuth.TENANT))
                        .get("/api/v1/clients/{clientId}/alerts", clientId).statusCode() == 200);
    }

    /** Publishes the score with a W3C traceparent header, as scoring-service does when tracing is on. */
    static void publishTraced(ScoreEvent score, String traceparent) {
        publish(SCORES, score.clientId(), score.scoreId(), "/attune/scoring-service", SCORE_TYPE, score.json(),
                Map.of("traceparent", traceparent));
    }

    /** Publishes a valid erasure request for the client; returns its body. */
    static String publishErasure(String clientId) {
        String erasureId = UUID.randomUUID().toString();
        String json = """
                {"erasureId":"%s","clientId":"%s","requestedAt":"%s"}""".formatted(erasureId, clientId, Instant.now());
        EventContract.assertValid(EventContract.CLIENT_ERASURE_REQUESTED, json);
        publish(ERASURES, clientId, erasureId, "/attune/journal-service", ERASURE_TYPE, json);
        return json;
    }

    /** A score record as scoring-service would publish it, or a malformed one. */
    record ScoreRecord(String clientId, String ceId, String body) {

        static ScoreRecord of(ScoreEvent score) {
            return new ScoreRecord(score.clientId(), score.scoreId(), score.json());
        }
    }

    /** Publishes the scores as one burst; see {@link #publishBurst}. */
    static void publishAll(List<ScoreEvent> scores) {
        publishBurst(scores.stream().map(ScoreRecord::of).toList());
    }

    /**
     * Publishes the records as one burst, as a backlog reaches the consumer: all are handed to the producer before
     * any acknowledgement is awaited, so the consumer's polls find several at once.
     */
    static synchronized void publishBurst(List<ScoreRecord> records) {
        List<Future<?>> sent = new ArrayList<>();
        for (ScoreRecord record : records) {
            sent.add(producer().send(new ProducerRecord<>(SCORES, null, record.clientId(), record.body(),
                    ceHeaders(record.ceId(), "/attune/scoring-service", SCORE_TYPE, record.clientId(), Map.of()))));
        }
        producer().flush();
        for (Future<?> acknowledgement : sent) {
            try {
                acknowledgement.get();
            } catch (Exception e) {
                throw new IllegalStateException("cannot publish to " + SCORES, e);
            }
        }
    }

    /** Publishes a binary-mode CloudEvent and waits for the broker's acknowledgement. */
    static void publish(String topic, String clientId, String ceId, String ceSource, String ceType,
            String body) {
        publish(topic, clientId, ceId, ceSource, ceType, body, Map.of());
    }

    /** Same, with extra headers. */
    static synchronized void publish(String topic, String clientId, String ceId, String ceSource, String ceType,
            String body, Map<String, String> extraHeaders) {
        RecordHeaders headers = ceHeaders(ceId, ceSource, ceType, clientId, extraHeaders);
        try {
            producer().send(new ProducerRecord<>(topic, null, clientId, body, headers)).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish to " + topic, e);
        }
    }

    private static RecordHeaders ceHeaders(String ceId, String ceSource, String ceType, String clientId,
            Map<String, String> extraHeaders) {
        RecordHeaders headers = new RecordHeaders();
        extraHeaders.forEach((name, value) -> headers.add(name, bytes(value)));
        headers.add("ce_specversion", bytes("1.0"));
        headers.add("ce_id", bytes(ceId));
        headers.add("ce_source", bytes(ceSource));
        headers.add("ce_type", bytes(ceType));
        headers.add("ce_subject", bytes(clientId));
        headers.add("ce_time", bytes(Instant.now().toString()));
        headers.add("content-type", bytes("application/json"));
        return headers;
    }

    /**
     * Records on {@code topic} with this key, read from the beginning by a fresh consumer group, until
     * {@code expected} have arrived or {@code wait} has passed.
     */
    static List<ConsumerRecord<String, String>> collect(String topic, String key,
            Predicate<ConsumerRecord<String, String>> filter, int expected, Duration wait) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "recommendation-test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> matching = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + wait.toNanos();
            while (System.nanoTime() < deadline && matching.size() < expected) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key()) && filter.test(record)) {
                        matching.add(record);
                    }
                }
            }
        }
        return matching;
    }

    /** The client's events on {@code recommendations}, each checked against recommendation-changed.v1. */
    static List<ConsumerRecord<String, String>> recommendationEvents(String clientId, int expected, Duration wait) {
        List<ConsumerRecord<String, String>> events = collect(RECOMMENDATIONS, clientId, r -> true, expected, wait);
        for (ConsumerRecord<String, String> event : events) {
            EventContract.assertValid(EventContract.RECOMMENDATION_CHANGED, event.value());
        }
        return events;
    }

    static JsonNode tree(ConsumerRecord<String, String> record) {
        try {
            return JSON.readTree(record.value());
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + record.value(), e);
        }
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            producer = new KafkaProducer<>(props);
        }
        return producer;
    }

    private static String bootstrapServers() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
