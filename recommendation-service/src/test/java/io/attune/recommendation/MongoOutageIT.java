package io.attune.recommendation;

import static io.attune.recommendation.RecommendationApi.awaitAtLeast;
import static io.attune.recommendation.RecommendationApi.exerciseIds;
import static io.attune.recommendation.RecommendationFlowIT.clientId;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import io.attune.infra.testing.TestAuth;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * MongoDB goes away while scores and an erasure are being consumed: the consumers retry instead of dead-lettering,
 * and once the server is back on the same port every record is processed exactly once and the DLQs stay empty.
 * Runs against its own MongoDB-wire server (see {@link PrivateMongoResource}), never the shared one.
 */
@QuarkusTest
@TestProfile(MongoOutageProfile.class)
class MongoOutageIT {

    @BeforeAll
    static void actAsTheTenantsApp() {
        TestAuth.actAsApp();
    }

    @Inject
    MeterRegistry metrics;

    @Test
    void recordsConsumedWhileMongoIsDownAreRetriedAndProcessedOnceItIsBack() {
        String steady = clientId("outage-steady");
        String misattuned = clientId("outage-misattuned");
        String distracted = clientId("outage-distracted");
        String erased = clientId("outage-erased");

        // Clients are known (as journal-service would have made them) before the outage.
        for (String client : List.of(misattuned, distracted)) {
            KafkaTestClient.grantAccess(client, List.of(), false);
        }
        // The path works, and both consumers own their partitions, before the outage.
        KafkaTestClient.publish(ScoreEvent.phoneAtDinnerJournal(steady));
        KafkaTestClient.publish(ScoreEvent.phoneAtDinnerJournal(erased));
        awaitAtLeast(steady, 1);
        awaitAtLeast(erased, 1);

        PrivateMongoResource.mongo().stop();
        // A request meanwhile is a 503 the app may retry, never a 500.
        given().get("/api/v1/clients/{clientId}/recommendations", steady).then().statusCode(503)
                .contentType("application/problem+json").header("Retry-After", "2");
        ScoreEvent attuned = ScoreEvent.attunedConversation(steady);
        KafkaTestClient.publish(ScoreEvent.misattunedConversation(misattuned));
        KafkaTestClient.publish(attuned);
        KafkaTestClient.publish(ScoreEvent.phoneAtDinnerJournal(distracted));
        KafkaTestClient.publishErasure(erased);
        // Both consumers have met the outage and are retrying, not skipping.
        await().atMost(Duration.ofSeconds(60))
                .until(() -> retries(KafkaTestClient.SCORES) > 0 && retries(KafkaTestClient.ERASURES) > 0);

        PrivateMongoResource.mongo().start();

        assertThat(exerciseIds(awaitAtLeast(misattuned, 3))).hasSize(3);
        assertThat(exerciseIds(awaitAtLeast(distracted, 1))).containsExactly("avoid-multitasking");
        await().atMost(RecommendationApi.WAIT).until(() -> RecommendationApi.profile(steady).extract().jsonPath()
                .getInt("scores") == 2);
        assertThat(RecommendationApi.profile(steady).extract().jsonPath()
                .getList("history.overall.assessmentId", String.class)).contains(attuned.scoreId());
        // Erased: unknown here, as for a client that never existed.
        await().atMost(RecommendationApi.WAIT).until(() -> given()
                .get("/api/v1/clients/{clientId}/recommendations", erased).statusCode() == 404);

        // Nothing was dead-lettered, and nothing was decided twice.
        for (String client : List.of(steady, misattuned, distracted)) {
            assertThat(KafkaTestClient.collect(KafkaTestClient.SCORES_DLQ, client, r -> true, 1,
                    Duration.ofSeconds(2))).as("DLQ records of " + client).isEmpty();
        }
        assertThat(KafkaTestClient.collect(KafkaTestClient.ERASURES_DLQ, erased, r -> true, 1,
                Duration.ofSeconds(2))).isEmpty();
        assertThat(KafkaTestClient.recommendationEvents(misattuned, 4, Duration.ofSeconds(5))).hasSize(3);
        assertThat(KafkaTestClient.recommendationEvents(distracted, 2, Duration.ofSeconds(5))).hasSize(1);
        assertThat(RecommendationApi.all(steady)).hasSize(1);
    }

    private double retries(String channel) {
        Counter counter = metrics.find("attune.messaging.retries").tag("channel", channel).counter();
        return counter == null ? 0 : counter.count();
    }
}
