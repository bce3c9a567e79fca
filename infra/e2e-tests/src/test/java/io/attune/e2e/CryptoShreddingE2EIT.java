package io.attune.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.attune.chassis.crypto.DataKey;
import io.attune.chassis.crypto.MasterKey;
import io.attune.chassis.crypto.SealedFields;
import io.attune.chassis.crypto.WrappedKey;
import io.attune.infra.testing.LocalStack;
import io.attune.infra.testing.PackagedService;
import io.attune.infra.testing.TestAuth;
import io.attune.infra.testing.TestTokens;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Crypto-shredding with the three packaged services: after a client's erasure, a consumer reading
 * {@code journal-entries}, {@code conversation-samples}, {@code attunement-scores}, {@code recommendations} (words
 * allowed there, so sealed) and every dead-letter topic from the beginning recovers no text of that client: the raw
 * bytes hold none of it, and journal-service no longer hands out the key that would open the sealed fields.
 * Another client's words stay readable with their key. The services' logs never name either client.
 */
class CryptoShreddingE2EIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> TOPICS = List.of("journal-entries", "conversation-samples", "attunement-scores",
            "recommendations");
    private static final List<PackagedService> SERVICES = new ArrayList<>();
    private static PackagedService journal;
    private static PackagedService recommendation;

    @BeforeAll
    static void startSystem() throws Exception {
        LocalStack stack = LocalStack.shared();
        journal = PackagedService.start("journal-service", "shred-journal-service", stack.kafkaBootstrapServers(),
                stack.mongoUri(), Map.of(), List.of());
        SERVICES.add(journal);
        journal.awaitReady(Duration.ofSeconds(120));
        Map<String, String> consumer = Map.of("ATTUNE_KEY_SERVICE_URL", journal.uri().toString());
        SERVICES.add(PackagedService.start("scoring-service", "shred-scoring-service", stack.kafkaBootstrapServers(),
                stack.mongoUri(), consumer, List.of()));
        recommendation = PackagedService.start("recommendation-service", "shred-recommendation-service",
                stack.kafkaBootstrapServers(), stack.mongoUri(), Map.of("ATTUNE_KEY_SERVICE_URL",
                        journal.uri().toString(), "ATTUNE_RECOMMENDATION_EVENTS_INCLUDE_WORDS", "true"), List.of());
        SERVICES.add(recommendation);
        for (PackagedService service : SERVICES) {
            service.awaitReady(Duration.ofSeconds(120));
        }
    }

    @AfterAll
    static void stopSystem() throws Exception {
        for (PackagedService service : SERVICES) {
            service.close();
        }
    }

    @Test
    void afterErasureNoCopyOfTheClientsWordsCanBeReadWhileAnotherClientsStill() throws Exception {
        String erased = "shred-" + UUID.randomUUID();
        String kept = "shred-" + UUID.randomUUID();
        Words erasedWords = new Words("cobalt-" + UUID.randomUUID());
        Words keptWords = new Words("saffron-" + UUID.randomUUID());
        for (String clientId : List.of(erased, kept)) {
            Words words = clientId.equals(erased) ? erasedWords : keptWords;
            assertThat(post("/api/v1/clients/" + clientId + "/journal-entries", words.entry()).statusCode())
                    .isEqualTo(202);
            assertThat(post("/api/v1/clients/" + clientId + "/conversations", words.conversation()).statusCode())
                    .isEqualTo(202);
        }
        for (String clientId : List.of(erased, kept)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> recommendationsOf(clientId).size() >= 1);
        }
        // A dead letter with the client's words: a sealed sample scoring cannot score (one turn only).
        DataKey erasedKey = key(erased).orElseThrow();
        String poisonId = UUID.randomUUID().toString();
        publishUnscorableSample(erased, poisonId, erasedWords, erasedKey);
        await().atMost(Duration.ofSeconds(30)).until(() -> !records("conversation-samples-dlq", erased,
                Duration.ofSeconds(1)).isEmpty());
        // Before the erasure, the key opens the client's words on the topics, as it does for the services.
        assertThat(opened(records("journal-entries", erased, Duration.ofSeconds(3)), erasedKey))
                .anyMatch(text -> text.contains(erasedWords.marker()));

        assertThat(HTTP.send(authorized(journal.uri("/api/v1/clients/" + erased), app()).DELETE().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> get(recommendation,
                "/api/v1/clients/" + erased + "/recommendations").statusCode() == 404);

        // Everything of the erased client, read from the beginning, as an outsider with the broker's bytes would.
        assertThat(key(erased)).as("the erased client's key").isEmpty();
        List<String> dlqs = deadLetterTopics();
        assertThat(dlqs).contains("conversation-samples-dlq");
        int sealed = 0;
        for (String topic : concat(TOPICS, dlqs)) {
            for (ConsumerRecord<String, String> record : records(topic, erased, Duration.ofSeconds(2))) {
                String raw = record.value();
                if (raw == null) {
                    continue;
                }
                assertThat(raw).as("raw bytes of %s", topic).doesNotContain(erasedWords.forbidden());
                JsonNode tree = JSON.readTree(raw);
                assertThat(plainTexts(tree)).as("words in the clear on %s", topic).isEmpty();
                if (SealedFields.kid(tree).isPresent()) {
                    sealed++;
                    assertThat(SealedFields.kid(tree)).contains(erasedKey.kid());
                }
            }
        }
        assertThat(sealed).as("sealed records of the erased client found on the topics").isGreaterThanOrEqualTo(5);

        // The other client: sealed too, and the services' key still opens every copy.
        DataKey keptKey = key(kept).orElseThrow();
        for (String topic : TOPICS) {
            List<ConsumerRecord<String, String>> records = records(topic, kept, Duration.ofSeconds(2));
            assertThat(records).as(topic).isNotEmpty();
            for (ConsumerRecord<String, String> record : records) {
                assertThat(record.value()).doesNotContain(keptWords.marker());
            }
            assertThat(opened(records, keptKey)).as("opened words on %s", topic).isNotEmpty();
        }
        assertThat(opened(records("journal-entries", kept, Duration.ofSeconds(2)), keptKey))
                .anyMatch(text -> text.contains(keptWords.marker()));
        assertThat(opened(records("conversation-samples", kept, Duration.ofSeconds(2)), keptKey))
                .anyMatch(text -> text.contains(keptWords.marker()));

        // No log line of any service names either client in plain text, erasure included.
        for (PackagedService service : SERVICES) {
            String log = Files.readString(service.log(), StandardCharsets.UTF_8);
            assertThat(log).as(service.log().toString()).isNotBlank().doesNotContain(erased).doesNotContain(kept)
                    .doesNotContain(erasedWords.marker()).doesNotContain(keptWords.marker());
        }
        assertThat(Files.readString(journal.log())).contains("Erased client c:");
        assertThat(Files.readString(recommendation.log())).contains("Erased client c:");
    }

    /** A client's distinctive words, in an entry and in the client's turn of a conversation. */
    private record Words(String marker) {

        String entry() {
            return "{\"text\":\"I felt " + marker + " and ashamed after the meeting.\"}";
        }

        String conversation() {
            return """
                    {"relationship":"partner","clientSpeaker":"Steve","turns":[
                      {"speaker":"Ann","text":"My supervisor called me stupid again. I hate him! %s"},
                      {"speaker":"Steve","text":"That sucks! Just forget it. %s"}]}""".formatted(marker, marker);
        }

        /** Anything of the client's words: their marker and the phrases scoring quotes as evidence. */
        String[] forbidden() {
            return new String[] { marker, "ashamed", "supervisor", "stupid", "hate him", "forget it", "That sucks" };
        }
    }

    /** Every string that a sealed field opens to, in all the records. */
    private static List<String> opened(List<ConsumerRecord<String, String>> records, DataKey key) throws Exception {
        List<String> texts = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            JsonNode before = JSON.readTree(record.value());
            JsonNode tree = before.deepCopy();
            if (SealedFields.openAll(tree, key) > 0) {
                texts.add(tree.toString());
            }
        }
        return texts;
    }

    /** The string values of {@code text}, {@code evidence} and {@code summary} members that quote the client. */
    private static List<String> plainTexts(JsonNode tree) {
        List<String> plain = new ArrayList<>();
        for (String member : List.of("text", "evidence")) {
            tree.findValues(member).stream().filter(JsonNode::isTextual).map(JsonNode::asText).forEach(plain::add);
        }
        return plain;
    }

    /** The client's data key as scoring and recommendation get it: service token, unwrapped with the master key. */
    private static Optional<DataKey> key(String clientId) throws Exception {
        HttpResponse<String> answer = get(journal, "/internal/v1/clients/" + clientId + "/data-key",
                TestTokens.service());
        if (answer.statusCode() == 404) {
            return Optional.empty();
        }
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        WrappedKey wrapped = JSON.readValue(answer.body(), WrappedKey.class);
        return Optional.of(wrapped.unwrap(MasterKey.fromBase64(Files.readString(TestTokens.masterKey()))));
    }

    private static void publishUnscorableSample(String clientId, String id, Words words, DataKey key)
            throws Exception {
        ObjectNode sample = JSON.createObjectNode();
        sample.put("sampleId", id);
        sample.put("clientId", clientId);
        sample.put("relationship", "partner");
        sample.put("clientSpeaker", "Steve");
        ArrayNode turns = sample.putArray("turns");
        turns.addObject().put("speaker", "Steve").put("text", "That sucks! Just forget it. " + words.marker());
        sample.put("locale", "en");
        sample.put("occurredAt", Instant.now().toString());
        sample.put("recordedAt", Instant.now().toString());
        SealedFields.sealAll(sample, key, SealedFields.named("text"));
        RecordHeaders headers = new RecordHeaders();
        for (Map.Entry<String, String> header : Map.of("ce_specversion", "1.0", "ce_id", id,
                "ce_source", "/attune/journal-service", "ce_type", "attune.journal.conversation-recorded.v1",
                "ce_subject", clientId, "ce_time", Instant.now().toString(), "content-type", "application/json")
                .entrySet()) {
            headers.add(header.getKey(), header.getValue().getBytes(StandardCharsets.UTF_8));
        }
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.shared().kafkaBootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            producer.send(new ProducerRecord<>("conversation-samples", null, clientId, JSON.writeValueAsString(sample),
                    headers)).get();
        }
    }

    private static List<String> deadLetterTopics() throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.shared().kafkaBootstrapServers());
        try (Admin admin = Admin.create(props)) {
            Set<String> names = admin.listTopics().names().get();
            return names.stream().filter(name -> name.endsWith("-dlq")).sorted().collect(Collectors.toList());
        }
    }

    /** Every record keyed by the client on {@code topic}, read from the start for {@code wait}. */
    private static List<ConsumerRecord<String, String>> records(String topic, String clientId, Duration wait) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.shared().kafkaBootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "shred-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + wait.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (clientId.equals(record.key())) {
                        records.add(record);
                    }
                }
            }
        }
        return records;
    }

    private static List<JsonNode> recommendationsOf(String clientId) throws Exception {
        HttpResponse<String> answer = get(recommendation, "/api/v1/clients/" + clientId + "/recommendations");
        if (answer.statusCode() != 200) {
            return List.of();
        }
        List<JsonNode> items = new ArrayList<>();
        JSON.readTree(answer.body()).path("items").forEach(items::add);
        return items;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static String app() {
        return TestTokens.app(TestAuth.TENANT);
    }

    private static HttpRequest.Builder authorized(URI uri, String token) {
        return HttpRequest.newBuilder(uri).header("Authorization", TestTokens.bearer(token));
    }

    private static HttpResponse<String> post(String path, String json) throws Exception {
        return HTTP.send(authorized(journal.uri(path), app()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(PackagedService service, String path) throws Exception {
        return get(service, path, app());
    }

    private static HttpResponse<String> get(PackagedService service, String path, String token) throws Exception {
        return HTTP.send(authorized(service.uri(path), token).build(), HttpResponse.BodyHandlers.ofString());
    }
}
