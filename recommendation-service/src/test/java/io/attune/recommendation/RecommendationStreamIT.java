package io.attune.recommendation;

import static io.attune.recommendation.RecommendationApi.awaitAtLeast;
import static io.attune.recommendation.RecommendationFlowIT.clientId;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.attune.infra.testing.AttuneStackResource;
import io.attune.infra.testing.TestAuth;
import io.attune.infra.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Server-Sent Events stream a coaching app keeps open. */
@QuarkusTest
@QuarkusTestResource(AttuneStackResource.class)
class RecommendationStreamIT {

    @BeforeAll
    static void actAsTheTenantsApp() {
        TestAuth.actAsApp();
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    static URI app() {
        return URI.create("http://localhost:" + RestAssured.port);
    }

    @Test
    void aNewRecommendationArrivesWithinTwoSecondsOfTheScoreBeingPublished() throws Exception {
        // Make sure the consumer has its partitions, so the measurement is of the pipeline, not of start-up.
        String warmUp = clientId("stream-warm-up");
        KafkaTestClient.publish(ScoreEvent.phoneAtDinnerJournal(warmUp));
        awaitAtLeast(warmUp, 1);

        String clientId = clientId("stream");
        KafkaTestClient.grantAccess(clientId, List.of(), false);
        try (SseClient stream = SseClient.open(app(), clientId, null)) {
            ScoreEvent score = ScoreEvent.phoneAtDinnerJournal(clientId);
            long published = System.nanoTime();
            KafkaTestClient.publish(score);

            String data = stream.nextData(Duration.ofSeconds(2));
            long elapsedMillis = (System.nanoTime() - published) / 1_000_000;

            assertThat(data).as("no recommendation on the stream within 2 s").isNotNull();
            assertThat(elapsedMillis).isLessThan(2000);
            JsonNode recommendation = JSON.readTree(data);
            assertThat(recommendation.path("clientId").asText()).isEqualTo(clientId);
            assertThat(recommendation.path("exerciseId").asText()).isEqualTo("avoid-multitasking");
            assertThat(recommendation.path("change").asText()).isEqualTo("issued");
            assertThat(recommendation.path("reason").path("assessmentId").asText()).isEqualTo(score.scoreId());
        }
    }

    @Test
    void statusChangesAreStreamedAndOtherClientsAreNot() throws Exception {
        String clientId = clientId("stream-change");
        String other = clientId("stream-other");
        KafkaTestClient.publish(ScoreEvent.phoneAtDinnerJournal(clientId));
        String id = (String) awaitAtLeast(clientId, 1).get(0).get("id");
        // The issued event is published before the stream opens, so the stream starts after it.
        assertThat(KafkaTestClient.recommendationEvents(clientId, 1, RecommendationApi.WAIT)).hasSize(1);

        try (SseClient stream = SseClient.open(app(), clientId, null)) {
            KafkaTestClient.publish(ScoreEvent.phoneAtDinnerJournal(other));
            awaitAtLeast(other, 1);
            RecommendationApi.feedback(clientId, id, "{\"status\":\"viewed\"}").statusCode(200);

            JsonNode change = JSON.readTree(stream.nextData(Duration.ofSeconds(2)));
            assertThat(change.path("recommendationId").asText()).isEqualTo(id);
            assertThat(change.path("status").asText()).isEqualTo("viewed");
        }
    }

    @Test
    void aLastEventIdThatThisStreamDidNotSendIsAProblemNamingTheHeader() {
        RestAssured.given().header("Accept", "text/event-stream").header("Last-Event-ID", "yesterday")
                .get("/api/v1/clients/{clientId}/recommendations/stream", clientId("stream-bad-id"))
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItem("Last-Event-ID"));
    }
}
