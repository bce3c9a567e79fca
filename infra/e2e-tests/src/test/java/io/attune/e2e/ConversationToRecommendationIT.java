package io.attune.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.attune.infra.testing.LocalStack;
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
    private static final List<ServiceProcess> SERVICES = new ArrayList<>();
    private static ServiceProcess journal;
    private static ServiceProcess recommendation;

    @BeforeAll
    static void startSystem() throws Exception {
        LocalStack stack = LocalStack.shared();
        journal = ServiceProcess.start("journal-service", stack);
        SERVICES.add(journal);
        SERVICES.add(ServiceProcess.start("scoring-service", stack));
        recommendation = ServiceProcess.start("recommendation-service", stack);
        SERVICES.add(recommendation);
        for (ServiceProcess service : SERVICES) {
            service.awaitReady(Duration.ofSeconds(120));
        }
    }

    @AfterAll
    static void stopSystem() throws Exception {
        for (ServiceProcess service : SERVICES) {
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

        HttpResponse<String> erased = HTTP.send(HttpRequest.newBuilder(journal.uri("/api/v1/clients/" + clientId))
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(erased.statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(get(journal, "/api/v1/clients/" + clientId + "/conversations").body())
                .path("items")).isEmpty();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode remaining;
        do {
            Thread.sleep(200);
            remaining = JSON.readTree(get(recommendation, "/api/v1/clients/" + clientId + "/recommendations").body())
                    .path("items");
        } while (!remaining.isEmpty() && System.nanoTime() < deadline);
        assertThat(remaining).as("recommendations after erasure").isEmpty();
        JsonNode profile = JSON.readTree(get(recommendation, "/api/v1/clients/" + clientId + "/profile").body());
        assertThat(profile.path("scores").asInt()).isZero();
    }

    /** Every score event keyed by the client that arrives within {@code wait}, read from the start of the topic. */
    private static List<JsonNode> scoreEvents(String clientId, Duration wait) throws Exception {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.shared().kafkaBootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<JsonNode> scores = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of("attunement-scores"));
            long deadline = System.nanoTime() + wait.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (clientId.equals(record.key())) {
                        scores.add(JSON.readTree(record.value()));
                    }
                }
            }
        }
        return scores;
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

    private static HttpResponse<String> post(ServiceProcess service, String path, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(service.uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(ServiceProcess service, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(service.uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
