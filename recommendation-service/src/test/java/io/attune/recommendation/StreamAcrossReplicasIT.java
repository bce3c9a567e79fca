package io.attune.recommendation;

import static io.attune.recommendation.RecommendationFlowIT.clientId;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.attune.infra.testing.AttuneStackResource;
import io.attune.infra.testing.EventContract;
import io.attune.infra.testing.PackagedService;
import io.attune.infra.testing.TestAuth;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two replicas: the test application and the packaged service in its own JVM, in the same consumer group. A client
 * follows its stream on one, reconnects to the other halfway through a burst of 50 changes that includes a crisis,
 * and ends up with every change once, in the order of the {@code recommendations} topic.
 */
@QuarkusTest
@QuarkusTestResource(AttuneStackResource.class)
class StreamAcrossReplicasIT {

    @BeforeAll
    static void actAsTheTenantsApp() {
        TestAuth.actAsApp();
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BURST = 50;
    /** The service's own changes: a misattuned conversation issues 3, then a crisis supersedes them and issues 1. */
    private static final int FROM_SCORES = 7;
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void aClientThatReconnectsToAnotherReplicaHalfwayGetsAllFiftyChangesOnceAndInOrder() throws Exception {
        String clientId = clientId("burst");
        KafkaTestClient.grantAccess(clientId, List.of(), false);
        List<SseClient.Event> received = new ArrayList<>();
        CompletableFuture<Void> burst;
        // The packaged service as a second replica, on the same Kafka and MongoDB as this test application.
        var config = ConfigProvider.getConfig();
        try (PackagedService replica = PackagedService.start("recommendation-service",
                "recommendation-service-stream-it-replica", config.getValue("kafka.bootstrap.servers", String.class),
                config.getValue("quarkus.mongodb.connection-string", String.class),
                Map.of("ATTUNE_INSTANCE_ID", "stream-it-replica"), List.of()).awaitReady(Duration.ofSeconds(90))) {
            try (SseClient first = SseClient.open(RecommendationStreamIT.app(), clientId, null)) {
                burst = CompletableFuture.runAsync(() -> publishBurst(clientId));
                while (received.size() < BURST / 2) {
                    received.add(next(first, received));
                }
            }
            // As an EventSource does: reconnect, here to the other replica, with the id of the last event received.
            try (SseClient second = SseClient.open(replica.uri(), clientId, received.get(received.size() - 1).id())) {
                while (received.size() < BURST) {
                    received.add(next(second, received));
                }
                burst.get();
                assertThat(second.next(Duration.ofSeconds(3))).as("an event beyond the burst").isNull();
            }
        }

        List<String> onTopic = distinctEvents(KafkaTestClient.collect(KafkaTestClient.RECOMMENDATIONS, clientId,
                r -> true, 2 * BURST, Duration.ofSeconds(5)));
        assertThat(onTopic).hasSize(BURST);
        // The same events in the same order; the topic carries none of the client's words, and the app, which may
        // read them, gets them on the stream from the stored recommendation.
        assertThat(received).extracting(event -> withoutWords(event.data()))
                .containsExactlyElementsOf(onTopic.stream().map(StreamAcrossReplicasIT::withoutWords).toList());
        assertThat(onTopic.stream().map(StreamAcrossReplicasIT::tree)
                .filter(e -> e.path("exerciseId").asText().equals("lead-on-statements")))
                .isNotEmpty().allSatisfy(e -> assertThat(e.at("/reason/evidence").isNull()).isTrue());
        assertThat(received.stream().map(e -> tree(e.data()))
                .filter(e -> e.path("exerciseId").asText().equals("lead-on-statements")))
                .isNotEmpty().allSatisfy(e -> assertThat(e.at("/reason/evidence").asText()).isEqualTo("Just forget it."));
        assertThat(received).extracting(SseClient.Event::id).doesNotHaveDuplicates();
        JsonNode therapy = received.stream().map(e -> tree(e.data()))
                .filter(e -> e.path("exerciseId").asText().equals("seek-therapy")).findFirst().orElseThrow();
        assertThat(therapy.path("coachAlert").asBoolean()).isTrue();
        assertThat(therapy.path("crisisResources")).isNotEmpty();
        assertThat(received.stream().map(e -> tree(e.data()))
                .filter(e -> e.path("status").asText().equals("superseded"))).hasSize(3);
    }

    /**
     * 43 changes as another replica's relay would publish them, and in the middle two scores whose 7 changes the
     * test application makes: 3 issued, then a crisis that supersedes them and issues seek-therapy.
     */
    private static void publishBurst(String clientId) {
        int synthetic = BURST - FROM_SCORES;
        for (int i = 0; i < synthetic; i++) {
            if (i == synthetic / 2) {
                KafkaTestClient.publish(ScoreEvent.misattunedConversation(clientId));
                KafkaTestClient.publish(ScoreEvent.journal(clientId).locale("en-US").overall(30)
                        .dimension("emotional-awareness", 40).dimension("acceptance", 20).dimension("focus", 30)
                        .crisis("self-harm"));
            }
            publishChange(clientId, i);
        }
    }

    private static void publishChange(String clientId, int n) {
        ObjectNode change = JSON.createObjectNode();
        change.put("recommendationId", UUID.randomUUID().toString());
        change.put("clientId", clientId);
        change.put("change", "status-changed");
        change.put("exerciseId", "talk-less");
        change.put("title", "Talk less, listen more");
        change.put("status", n % 2 == 0 ? "viewed" : "completed");
        ObjectNode reason = change.putObject("reason");
        reason.put("dimension", "listening-balance");
        reason.put("score", 30 + n);
        reason.putNull("evidence");
        reason.put("assessmentId", UUID.randomUUID().toString());
        reason.put("summary", "Change " + n + " of the burst.");
        change.putArray("crisisResources");
        change.put("coachAlert", false);
        change.put("occurredAt", Instant.now().toString());
        String json = change.toString();
        EventContract.assertValid(EventContract.RECOMMENDATION_CHANGED, json);
        KafkaTestClient.publish(KafkaTestClient.RECOMMENDATIONS, clientId, UUID.randomUUID().toString(),
                "/attune/recommendation-service", "attune.recommendation.status-changed.v1", json);
    }

    private static SseClient.Event next(SseClient stream, List<SseClient.Event> received) throws InterruptedException {
        SseClient.Event event = stream.next(WAIT);
        assertThat(event).as("event %d of %d; received so far: %s", received.size() + 1, BURST, received).isNotNull();
        return event;
    }

    /** The bodies on the topic in order, each event once: with two relays, an event may be published twice. */
    private static List<String> distinctEvents(List<ConsumerRecord<String, String>> records) {
        Map<String, String> byId = new LinkedHashMap<>();
        records.stream().sorted((a, b) -> Long.compare(a.offset(), b.offset()))
                .forEach(r -> byId.putIfAbsent(KafkaTestClient.header(r, "ce_id"), r.value()));
        return List.copyOf(byId.values());
    }

    /** The event without the members that quote the client. */
    private static String withoutWords(String json) {
        ObjectNode event = (ObjectNode) tree(json);
        if (event.get("reason") instanceof ObjectNode reason) {
            reason.remove("evidence");
            reason.remove("summary");
        }
        return event.toString();
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }
}
