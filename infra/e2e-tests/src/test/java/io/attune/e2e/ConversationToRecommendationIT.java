package io.attune.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.attune.infra.testing.LocalStack;
import io.attune.infra.testing.PackagedService;
import io.attune.infra.testing.TestAuth;
import io.attune.infra.testing.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole system as deployed: the three packaged services as separate JVMs, the real Kafka broker and the
 * MongoDB-wire server. Follows a conversation from POST to recommendation, then erases the client.
 */
class ConversationToRecommendationIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<PackagedService> SERVICES = new ArrayList<>();
    private static PackagedService journal;
    private static PackagedService recommendation;

    @BeforeAll
    static void startSystem() throws Exception {
        LocalStack stack = LocalStack.shared();
        journal = start("journal-service", stack);
        SERVICES.add(journal);
        journal.awaitReady(Duration.ofSeconds(120));
        SERVICES.add(start("scoring-service", stack));
        recommendation = start("recommendation-service", stack);
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
    void misattunedConversationBecomesRecommendationsAndErasureRemovesThem() throws Exception {
        String clientId = "e2e-" + UUID.randomUUID();
        HttpResponse<String> accepted = post(journal, "/api/v1/clients/" + clientId + "/conversations", """
                {"relationship":"partner","clientSpeaker":"Steve","turns":[
                  {"speaker":"Ann","text":"Guess what happened today - my supervisor called me stupid again. This is the third time, ugh I hate him!"},
                  {"speaker":"Steve","text":"That sucks! Just forget it."}]}""");
        assertThat(accepted.statusCode()).isEqualTo(202);
        long postedAt = System.nanoTime();

        JsonNode items = awaitRecommendations(clientId, Duration.ofSeconds(30));
        long latencyMillis = (System.nanoTime() - postedAt) / 1_000_000;
        System.out.printf("POST to recommendation took %d ms%n", latencyMillis);

        List<JsonNode> scores = scoreEvents(clientId, Duration.ofSeconds(5));
        assertThat(scores).as("attunement-scores events for the client").hasSize(1);
        JsonNode score = scores.get(0);
        assertThat(score.path("kind").asText()).isEqualTo("conversation");
        assertThat(score.path("overall").path("band").asText()).isEqualTo("misattuned");
        assertThat(score.path("dimensions").findValues("evidence")).anyMatch(evidence -> !evidence.isEmpty());

        List<String> exercises = items.findValuesAsText("exerciseId");
        assertThat(exercises).isNotEmpty().hasSizeLessThanOrEqualTo(3)
                .containsAnyOf("validating-phrases", "mirror-feelings", "lead-on-statements");
        JsonNode first = items.get(0);
        assertThat(first.path("status").asText()).isEqualTo("active");
        assertThat(first.path("reason").path("assessmentId").asText()).isNotBlank();
        assertThat(first.path("reason").path("dimension").asText()).isNotBlank();

        HttpResponse<String> erased = HTTP.send(authorized(journal.uri("/api/v1/clients/" + clientId), app())
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(erased.statusCode()).isEqualTo(202);
        // Once erased, the client is unknown everywhere: 404, as for a client that never existed.
        assertThat(get(journal, "/api/v1/clients/" + clientId + "/conversations", app()).statusCode()).isEqualTo(404);
        await().atMost(Duration.ofSeconds(30)).until(() -> get(recommendation,
                "/api/v1/clients/" + clientId + "/recommendations", app()).statusCode() == 404);
        assertThat(get(recommendation, "/api/v1/clients/" + clientId + "/profile", app()).statusCode()).isEqualTo(404);
    }

    @Test
    void aCoachSeesTheClientsWordsOnlyWhileAssignedAndConsentingAndEveryReadIsAudited() throws Exception {
        String clientId = "e2e-" + UUID.randomUUID();
        String coach = TestTokens.coach(TestAuth.TENANT, "coach-" + clientId);
        assertThat(post(journal, "/api/v1/clients/" + clientId + "/conversations", """
                {"relationship":"friend","clientSpeaker":"Max","turns":[
                  {"speaker":"Lea","text":"My dog died this morning."},
                  {"speaker":"Max","text":"It was just a dog, you can get another one."}]}""").statusCode())
                .isEqualTo(202);
        awaitRecommendations(clientId, Duration.ofSeconds(30));

        String recommendations = "/api/v1/clients/" + clientId + "/recommendations";
        assertThat(get(recommendation, recommendations, coach).statusCode()).as("unassigned coach").isEqualTo(404);
        assertThat(put(journal, "/api/v1/coaches/coach-" + clientId + "/clients/" + clientId, app()).statusCode())
                .isEqualTo(204);
        await().atMost(Duration.ofSeconds(2)).until(() -> get(recommendation, recommendations, coach).statusCode() == 200);
        assertThat(JSON.readTree(get(recommendation, recommendations, coach).body()).findValues("evidence"))
                .as("evidence without consent").allMatch(JsonNode::isNull);
        assertThat(get(journal, "/api/v1/clients/" + clientId + "/conversations", coach).statusCode())
                .as("turns without consent").isEqualTo(403);

        HttpResponse<String> consent = HTTP.send(authorized(journal.uri("/api/v1/clients/" + clientId + "/consent"),
                app()).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"shareTextWithCoach\":true}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(consent.statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(2)).until(() -> JSON.readTree(get(recommendation, recommendations, coach)
                .body()).findValues("evidence").stream().anyMatch(evidence -> !evidence.isNull()));
        assertThat(get(journal, "/api/v1/clients/" + clientId + "/conversations", coach).statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(10)).until(() -> JSON.readTree(get(journal,
                "/api/v1/clients/" + clientId + "/audit", app()).body()).path("items").findValuesAsText("service")
                .containsAll(List.of("journal-service", "recommendation-service")));
        assertThat(JSON.readTree(get(journal, "/api/v1/clients/" + clientId + "/audit", app()).body())
                .path("items").findValuesAsText("coachId")).containsOnly("coach-" + clientId);
    }

    /** Every score event keyed by the client that arrives within {@code wait}, read from the start of the topic. */
    @Test
    void oneTraceRunsFromThePostThroughScoringToTheRecommendation() throws Exception {
        String clientId = "e2e-" + UUID.randomUUID();
        String traceId = UUID.randomUUID().toString().replace("-", "");
        HttpResponse<String> accepted = HTTP.send(authorized(journal.uri("/api/v1/clients/" + clientId
                + "/conversations"), app()).header("Content-Type", "application/json")
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"relationship":"partner","clientSpeaker":"Steve","turns":[
                          {"speaker":"Ann","text":"My supervisor called me stupid again. I hate him!"},
                          {"speaker":"Steve","text":"That sucks! Just forget it."}]}""")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(accepted.statusCode()).isEqualTo(202);
        awaitRecommendations(clientId, Duration.ofSeconds(30));

        // The trace id of the POST is on every hop's record: outbox relay, scoring, recommendation.
        for (String topic : List.of("conversation-samples", "attunement-scores", "recommendations")) {
            List<ConsumerRecord<String, String>> records = records(topic, clientId, Duration.ofSeconds(5));
            assertThat(records).as(topic).isNotEmpty().allSatisfy(record -> assertThat(new String(
                    record.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8))
                    .as("traceparent on " + topic).startsWith("00-" + traceId + "-"));
        }
    }

    private static List<JsonNode> scoreEvents(String clientId, Duration wait) throws Exception {
        List<JsonNode> scores = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records("attunement-scores", clientId, wait)) {
            scores.add(JSON.readTree(record.value()));
        }
        return scores;
    }

    /** Every record keyed by the client that arrives on {@code topic} within {@code wait}, from the start. */
    private static List<ConsumerRecord<String, String>> records(String topic, String clientId, Duration wait) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.shared().kafkaBootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + UUID.randomUUID());
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

    private static JsonNode awaitRecommendations(String clientId, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode items = JSON.readTree(get(recommendation, "/api/v1/clients/" + clientId + "/recommendations")
                    .body()).path("items");
            if (!items.isEmpty()) {
                return items;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no recommendation for " + clientId + " within " + timeout);
    }

    private static PackagedService start(String module, LocalStack stack) {
        // Tracing on, as in a deployment, but exporting nowhere: the test reads the trace context off the records.
        // scoring and recommendation get the clients' data keys from journal-service, started first.
        Map<String, String> environment = journal == null
                ? Map.of("QUARKUS_OTEL_SDK_DISABLED", "false", "QUARKUS_OTEL_TRACES_EXPORTER", "none")
                : Map.of("QUARKUS_OTEL_SDK_DISABLED", "false", "QUARKUS_OTEL_TRACES_EXPORTER", "none",
                        "ATTUNE_KEY_SERVICE_URL", journal.uri().toString());
        return PackagedService.start(module, "e2e-" + module, stack.kafkaBootstrapServers(), stack.mongoUri(),
                environment, List.of());
    }

    private static String app() {
        return TestTokens.app(TestAuth.TENANT);
    }

    private static HttpRequest.Builder authorized(URI uri, String token) {
        return HttpRequest.newBuilder(uri).header("Authorization", TestTokens.bearer(token));
    }

    private static HttpResponse<String> post(PackagedService service, String path, String json) throws Exception {
        return HTTP.send(authorized(service.uri(path), app()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> put(PackagedService service, String path, String token) throws Exception {
        return HTTP.send(authorized(service.uri(path), token).PUT(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(PackagedService service, String path) throws Exception {
        return get(service, path, app());
    }

    private static HttpResponse<String> get(PackagedService service, String path, String token) throws Exception {
        return HTTP.send(authorized(service.uri(path), token).build(), HttpResponse.BodyHandlers.ofString());
    }
}
