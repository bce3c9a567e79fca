package io.attune.recommendation;

import static io.attune.recommendation.RecommendationApi.awaitAtLeast;
import static io.attune.recommendation.RecommendationApi.exerciseIds;
import static io.attune.recommendation.RecommendationFlowIT.clientId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.attune.infra.testing.AttuneStackResource;
import io.attune.infra.testing.EventContract;
import io.attune.infra.testing.TestAuth;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Redelivery, poison messages and the dead-letter queue, through the real broker. */
@QuarkusTest
@QuarkusTestResource(AttuneStackResource.class)
class ScoreConsumptionIT {

    @BeforeAll
    static void actAsTheTenantsApp() {
        TestAuth.actAsApp();
    }

    @Test
    void theSameScoreDeliveredTwiceYieldsOneSetOfRecommendationsAndEvents() {
        String clientId = clientId("twice");
        ScoreEvent score = ScoreEvent.phoneAtDinnerJournal(clientId);

        KafkaTestClient.publish(score);
        KafkaTestClient.publish(score);
        // Same key, so same partition: once this later score is in the profile, both copies were consumed.
        KafkaTestClient.publish(ScoreEvent.attunedConversation(clientId));
        await().atMost(RecommendationApi.WAIT).until(() -> RecommendationApi.profile(clientId).extract()
                .jsonPath().getInt("scores") >= 2);

        assertThat(RecommendationApi.profile(clientId).extract().jsonPath().getInt("scores")).isEqualTo(2);
        List<Map<String, Object>> recommendations = RecommendationApi.all(clientId);
        assertThat(exerciseIds(recommendations)).containsExactly("avoid-multitasking");
        List<ConsumerRecord<String, String>> events = KafkaTestClient.recommendationEvents(clientId, 2,
                Duration.ofSeconds(10));
        assertThat(events).hasSize(1);
        assertThat(KafkaTestClient.tree(events.get(0)).path("recommendationId").asText())
                .isEqualTo(recommendations.get(0).get("id"));
    }

    @Test
    void aNonJsonScoreGoesToTheDeadLetterQueueAndTheNextOneIsStillProcessed() {
        String clientId = clientId("poison");
        String poison = "{this is not json";
        KafkaTestClient.publish(KafkaTestClient.SCORES, clientId, UUID.randomUUID().toString(),
                "/attune/scoring-service", KafkaTestClient.SCORE_TYPE, poison);
        KafkaTestClient.publish(ScoreEvent.phoneAtDinnerJournal(clientId));

        List<ConsumerRecord<String, String>> dead = KafkaTestClient.collect(KafkaTestClient.SCORES_DLQ, clientId,
                r -> true, 1, RecommendationApi.WAIT);
        assertThat(dead).hasSize(1);
        assertThat(dead.get(0).value()).isEqualTo(poison);
        assertThat(KafkaTestClient.header(dead.get(0), "dead-letter-reason")).isNotBlank();
        assertThat(KafkaTestClient.header(dead.get(0), "dead-letter-topic")).isEqualTo(KafkaTestClient.SCORES);
        assertThat(exerciseIds(awaitAtLeast(clientId, 1))).containsExactly("avoid-multitasking");
    }

    @Test
    void poisonRecordsInABurstAreDeadLetteredWhileTheScoresAroundThemAreProcessedInOrder() {
        String clientId = clientId("burst-poison");
        KafkaTestClient.grantAccess(clientId, List.of(), false);
        ScoreEvent before = ScoreEvent.phoneAtDinnerJournal(clientId).overall(41);
        ScoreEvent after = ScoreEvent.misattunedConversation(clientId).overall(29);
        String notJson = "{not json either";
        String unknownLevel = ScoreEvent.phoneAtDinnerJournal(clientId).json()
                .replace("\"level\":\"none\"", "\"level\":\"unsure\"");
        KafkaTestClient.publishBurst(List.of(KafkaTestClient.ScoreRecord.of(before),
                new KafkaTestClient.ScoreRecord(clientId, UUID.randomUUID().toString(), notJson),
                new KafkaTestClient.ScoreRecord(clientId, UUID.randomUUID().toString(), unknownLevel),
                KafkaTestClient.ScoreRecord.of(after)));

        List<ConsumerRecord<String, String>> dead = KafkaTestClient.collect(KafkaTestClient.SCORES_DLQ, clientId,
                r -> true, 2, RecommendationApi.WAIT);
        assertThat(dead).extracting(ConsumerRecord::value).containsExactly(notJson, unknownLevel);
        await().atMost(RecommendationApi.WAIT).until(() -> RecommendationApi.profile(clientId).extract()
                .jsonPath().getInt("scores") == 2);
        assertThat(RecommendationApi.profile(clientId).extract().jsonPath().getList("history.overall.score",
                Integer.class)).containsExactly(41, 29);
    }

    @Test
    void aScoreWithAnUnknownSafetyLevelIsDeadLetteredWithoutPoisoningTheClientsProfile() {
        String clientId = clientId("bad-safety");
        String unknownLevel = ScoreEvent.phoneAtDinnerJournal(clientId).json()
                .replace("\"level\":\"none\"", "\"level\":\"unsure\"");
        assertThat(EventContract.violations(EventContract.ATTUNEMENT_SCORE_COMPUTED, unknownLevel)).isNotEmpty();
        KafkaTestClient.publish(KafkaTestClient.SCORES, clientId, UUID.randomUUID().toString(),
                "/attune/scoring-service", KafkaTestClient.SCORE_TYPE, unknownLevel);
        ScoreEvent valid = ScoreEvent.misattunedConversation(clientId);
        KafkaTestClient.publish(valid);

        assertThat(KafkaTestClient.collect(KafkaTestClient.SCORES_DLQ, clientId, r -> true, 1,
                RecommendationApi.WAIT)).hasSize(1);
        assertThat(awaitAtLeast(clientId, 3)).allSatisfy(r -> assertThat(RecommendationFlowIT.reason(r))
                .containsEntry("assessmentId", valid.scoreId()));
        assertThat(RecommendationApi.profile(clientId).extract().jsonPath().getInt("scores")).isEqualTo(1);
    }

    @Test
    void anEventTypeThisConsumerDoesNotKnowIsSkippedNotDeadLettered() {
        String clientId = clientId("future-type");
        KafkaTestClient.publish(KafkaTestClient.SCORES, clientId, UUID.randomUUID().toString(),
                "/attune/scoring-service", "attune.scoring.score-computed.v2", "{\"shape\":\"from the future\"}");
        // Same key, same partition: once this one is handled, the v2 record before it was too.
        KafkaTestClient.publish(ScoreEvent.phoneAtDinnerJournal(clientId));

        assertThat(exerciseIds(awaitAtLeast(clientId, 1))).containsExactly("avoid-multitasking");
        assertThat(KafkaTestClient.collect(KafkaTestClient.SCORES_DLQ, clientId, r -> true, 1,
                java.time.Duration.ofSeconds(3))).isEmpty();
        assertThat(RecommendationApi.profile(clientId).extract().jsonPath().getInt("scores")).isEqualTo(1);
    }
}
