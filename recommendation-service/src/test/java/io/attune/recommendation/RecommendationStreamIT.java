package io.attune.recommendation;

import static io.attune.recommendation.RecommendationApi.awaitAtLeast;
import static io.attune.recommendation.RecommendationFlowIT.clientId;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

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

    @Test
    void aNewRecommendationArrivesWithinTwoSecondsOfTheScoreBeingPublished() throws Exception {
        // Make sure the consumer has its partitions, so the measurement is of the pipeline, not of start-up.
        String warmUp = clientId("stream-warm-up");
        KafkaTestClient.publish(ScoreEvent.phoneAtDinnerJournal(warmUp));
        awaitAtLeast(warmUp, 1);

        String clientId = clientId("stream");
        KafkaTestClient.grantAccess(clientId, List.of(), false);
        try (SseClient stream = SseClient.open(clientId)) {
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
            assertThat(recommendation.path("reason").path("assessmentId").asText()).isEqualTo(score.scoreId());
        }
    }

    @Test
    void statusChangesAreStreamedAndOtherClientsAreNot() throws Exception {
        String clientId = clientId("stream-change");
        String other = clientId("stream-other");
        KafkaTestClient.publish(ScoreEvent.phoneAtDinnerJournal(clientId));
        String id = (String) awaitAtLeast(clientId, 1).get(0).get("id");

        try (SseClient stream = SseClient.open(clientId)) {
            KafkaTestClient.publish(ScoreEvent.phoneAtDinnerJournal(other));
            awaitAtLeast(other, 1);
            RecommendationApi.feedback(clientId, id, "{\"status\":\"viewed\"}").statusCode(200);

            JsonNode change = JSON.readTree(stream.nextData(Duration.ofSeconds(2)));
            assertThat(change.path("id").asText()).isEqualTo(id);
            assertThat(change.path("status").asText()).isEqualTo("viewed");
        }
    }

    /** Reads {@code data:} lines of one SSE response on a background thread. */
    private static final class SseClient implements AutoCloseable {

        private final BlockingQueue<String> data = new LinkedBlockingQueue<>();
        private final CompletableFuture<HttpResponse<Stream<String>>> response;

        private SseClient(CompletableFuture<HttpResponse<Stream<String>>> response) {
            this.response = response;
        }

        static SseClient open(String clientId) throws Exception {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port
                    + "/api/v1/clients/" + clientId + "/recommendations/stream"))
                    .header("Accept", "text/event-stream")
                    .header("Authorization", TestTokens.bearer(TestTokens.app(TestAuth.TENANT))).GET().build();
            SseClient client = new SseClient(HttpClient.newHttpClient()
                    .sendAsync(request, HttpResponse.BodyHandlers.ofLines()));
            // The future completes with the headers, i.e. once the server has subscribed this stream.
            HttpResponse<Stream<String>> headers = client.response.get(10, TimeUnit.SECONDS);
            assertThat(headers.statusCode()).isEqualTo(200);
            assertThat(headers.headers().firstValue("content-type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/event-stream"));
            Thread reader = new Thread(() -> {
                try {
                    headers.body().filter(line -> line.startsWith("data:"))
                            .forEach(line -> client.data.add(line.substring("data:".length()).strip()));
                } catch (UncheckedIOException closedByTheTest) {
                    // close() ends the stream while this thread still reads it.
                }
            });
            reader.setDaemon(true);
            reader.start();
            return client;
        }

        /** The next event's data, or null if none arrives within {@code wait}. */
        String nextData(Duration wait) throws InterruptedException {
            return data.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        }

        @Override
        public void close() {
            response.thenAccept(r -> r.body().close());
        }
    }
}
