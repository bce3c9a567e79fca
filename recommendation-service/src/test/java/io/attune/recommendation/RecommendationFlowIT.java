package io.attune.recommendation;

import static io.attune.recommendation.RecommendationApi.awaitAll;
import static io.attune.recommendation.RecommendationApi.awaitAtLeast;
import static io.attune.recommendation.RecommendationApi.byExercise;
import static io.attune.recommendation.RecommendationApi.exerciseIds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.attune.infra.testing.AttuneStackResource;
import io.attune.infra.testing.TestAuth;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** From a score on {@code attunement-scores}, through the real broker and MongoDB-wire, to recommendations. */
@QuarkusTest
@QuarkusTestResource(AttuneStackResource.class)
class RecommendationFlowIT {

    @BeforeAll
    static void actAsTheTenantsApp() {
        TestAuth.actAsApp();
    }

    @Test
    void misattunedConversationLeadsToLeadOnStatementsAndMirroringOrValidation() {
        String clientId = clientId("misattuned");
        ScoreEvent score = ScoreEvent.misattunedConversation(clientId);

        KafkaTestClient.publish(score);

        List<Map<String, Object>> recommendations = awaitAtLeast(clientId, 3);
        assertThat(recommendations).hasSize(3);
        assertThat(exerciseIds(recommendations)).contains("lead-on-statements")
                .containsAnyOf("validating-phrases", "mirror-feelings")
                .doesNotContain("seek-therapy");
        Map<String, Object> leadOn = byExercise(recommendations, "lead-on-statements");
        assertThat(leadOn).containsEntry("status", "active").containsEntry("coachAlert", false);
        assertThat(reason(leadOn)).containsEntry("dimension", "exploration").containsEntry("score", 10)
                .containsEntry("evidence", "Just forget it.").containsEntry("assessmentId", score.scoreId());
        assertThat((String) reason(leadOn).get("summary")).contains("Exploration", "10");

        List<ConsumerRecord<String, String>> events = KafkaTestClient.recommendationEvents(clientId, 3,
                RecommendationApi.WAIT);
        assertThat(events).hasSize(3).allSatisfy(event -> {
            assertThat(KafkaTestClient.header(event, "ce_type")).isEqualTo("attune.recommendation.issued.v1");
            assertThat(KafkaTestClient.header(event, "ce_source")).isEqualTo("/attune/recommendation-service");
            assertThat(KafkaTestClient.header(event, "ce_subject")).isEqualTo(clientId);
        });
        JsonNode issued = events.stream().map(KafkaTestClient::tree)
                .filter(e -> e.path("exerciseId").asText().equals("lead-on-statements")).findFirst().orElseThrow();
        assertThat(issued.path("change").asText()).isEqualTo("issued");
        assertThat(issued.path("recommendationId").asText()).isEqualTo(leadOn.get("id"));
        // Apps outside Attune read the topic: by default it carries none of the client's words.
        assertThat(issued.path("reason").path("evidence").isNull()).isTrue();
        assertThat(issued.path("reason").path("summary").asText()).contains("Exploration", "10")
                .doesNotContain("forget");
    }

    @Test
    void journalAboutScrollingThePhoneThroughDinnerLeadsToAvoidMultitasking() {
        String clientId = clientId("phone");
        ScoreEvent score = ScoreEvent.phoneAtDinnerJournal(clientId);

        KafkaTestClient.publish(score);

        List<Map<String, Object>> recommendations = awaitAtLeast(clientId, 1);
        assertThat(exerciseIds(recommendations)).containsExactly("avoid-multitasking");
        assertThat(reason(recommendations.get(0))).containsEntry("dimension", "focus").containsEntry("score", 20)
                .containsEntry("evidence", "kept scrolling my phone through dinner")
                .containsEntry("assessmentId", score.scoreId());
    }

    @Test
    void aListenerWhoDominatesTheTalkGetsTalkLessFirst() {
        String clientId = clientId("talker");
        KafkaTestClient.publish(ScoreEvent.conversation(clientId, "friend").overall(55)
                .dimension("acknowledgement", 65).dimension("mirroring", 60).dimension("inquiry", 60)
                .dimension("exploration", 70).dimension("presence", 75)
                .dimension("listening-balance", 15, 1, "you should just quit and", "advice-before-understanding", -35));

        List<Map<String, Object>> recommendations = awaitAtLeast(clientId, 1);
        Map<String, Object> talkLess = byExercise(recommendations, "talk-less");
        assertThat(reason(talkLess)).containsEntry("dimension", "listening-balance").containsEntry("score", 15);
        assertThat(recommendations).allSatisfy(r -> assertThat(((Number) r.get("rank")).doubleValue())
                .isLessThanOrEqualTo(((Number) talkLess.get("rank")).doubleValue()));
    }

    @Test
    void nothingWeakMeansNoRecommendation() {
        String clientId = clientId("attuned");
        KafkaTestClient.publish(ScoreEvent.attunedConversation(clientId));

        await().atMost(RecommendationApi.WAIT).until(() -> RecommendationApi.profile(clientId).extract()
                .jsonPath().getInt("scores") == 1);
        assertThat(RecommendationApi.all(clientId)).isEmpty();
    }

    @Test
    void neverMoreThanThreeActiveAndNoExerciseTwice() {
        String clientId = clientId("max-three");
        KafkaTestClient.publish(ScoreEvent.misattunedConversation(clientId));
        awaitAtLeast(clientId, 3);

        KafkaTestClient.publish(ScoreEvent.phoneAtDinnerJournal(clientId));
        await().atMost(RecommendationApi.WAIT).until(() -> RecommendationApi.profile(clientId).extract()
                .jsonPath().getInt("scores") == 2);

        assertThat(exerciseIds(RecommendationApi.all(clientId))).hasSize(3).doesNotContain("avoid-multitasking");
    }

    @Test
    void crisisYieldsOnlySeekTherapyWithTheLocaleCrisisResourcesAndAlertsTheCoach() {
        String clientId = clientId("crisis");
        KafkaTestClient.publish(ScoreEvent.misattunedConversation(clientId));
        awaitAtLeast(clientId, 3);
        ScoreEvent crisis = ScoreEvent.journal(clientId).locale("en-US").overall(30)
                .dimension("emotional-awareness", 40).dimension("acceptance", 20).dimension("focus", 30)
                .crisis("self-harm");

        KafkaTestClient.publish(crisis);

        List<Map<String, Object>> active = await().atMost(RecommendationApi.WAIT)
                .until(() -> RecommendationApi.withStatus(clientId, "active"),
                        list -> exerciseIds(list).equals(List.of("seek-therapy")));
        Map<String, Object> therapy = active.get(0);
        assertThat(therapy).containsEntry("coachAlert", true);
        assertThat(reason(therapy)).containsEntry("dimension", null).containsEntry("score", null)
                .containsEntry("evidence", null).containsEntry("assessmentId", crisis.scoreId());
        assertThat((String) reason(therapy).get("summary")).contains("licensed therapist")
                .doesNotContain("[redacted]", "self-harm");
        List<Map<String, Object>> resources = list(therapy.get("crisisResources"));
        assertThat(resources).extracting(r -> r.get("name")).containsExactly("988 Suicide & Crisis Lifeline");
        assertThat(RecommendationApi.withStatus(clientId, "superseded")).hasSize(3);
        assertThat(RecommendationApi.profile(clientId).extract().jsonPath().getList("alerts.level", String.class))
                .containsExactly("crisis");

        // 3 issued, 3 superseded, 1 issued seek-therapy.
        List<ConsumerRecord<String, String>> events = KafkaTestClient.recommendationEvents(clientId, 7,
                RecommendationApi.WAIT);
        assertThat(events).hasSize(7);
        assertThat(events.stream().map(KafkaTestClient::tree)
                .filter(e -> e.path("status").asText().equals("superseded"))).hasSize(3)
                .allSatisfy(e -> assertThat(e.path("change").asText()).isEqualTo("status-changed"));
        JsonNode issuedTherapy = events.stream().map(KafkaTestClient::tree)
                .filter(e -> e.path("exerciseId").asText().equals("seek-therapy")).findFirst().orElseThrow();
        assertThat(issuedTherapy.path("coachAlert").asBoolean()).isTrue();
        assertThat(issuedTherapy.path("crisisResources").get(0).path("contact").asText()).isEqualTo("Call or text 988");
    }

    @Test
    void crisisResourcesFallBackFromTheFullTagToTheLanguageToTheDefault() {
        String german = clientId("crisis-de");
        String french = clientId("crisis-fr");
        KafkaTestClient.publish(ScoreEvent.journal(german).locale("de-AT").overall(30)
                .dimension("acceptance", 20).crisis("suicidal-ideation"));
        KafkaTestClient.publish(ScoreEvent.journal(french).locale("fr").overall(30)
                .dimension("acceptance", 20).crisis("domestic-abuse"));

        assertThat(resourceNames(awaitAtLeast(german, 1))).containsExactly("TelefonSeelsorge");
        assertThat(resourceNames(awaitAtLeast(french, 1)))
                .containsExactly("Local emergency services", "Find A Helpline");
    }

    @Test
    void lowScoresOverSeveralEntriesEscalateToSeekTherapyWithoutACrisisAlert() {
        String clientId = clientId("escalate");
        publishThreeLowJournals(clientId);

        List<Map<String, Object>> recommendations = awaitAll(clientId,
                list -> exerciseIds(list).contains("seek-therapy"));
        Map<String, Object> therapy = byExercise(recommendations, "seek-therapy");
        assertThat(therapy).containsEntry("coachAlert", false);
        assertThat(list(therapy.get("crisisResources"))).isEmpty();
        assertThat(reason(therapy)).containsEntry("score", 25);
        assertThat((String) reason(therapy).get("summary")).contains("licensed therapist");
    }

    @Test
    void aCrisisAfterAnEscalationStillGivesSeekTherapyWithCrisisResources() {
        String clientId = clientId("escalate-crisis");
        publishThreeLowJournals(clientId);
        Map<String, Object> escalation = byExercise(awaitAll(clientId,
                list -> exerciseIds(list).contains("seek-therapy")), "seek-therapy");
        ScoreEvent crisis = ScoreEvent.journal(clientId).locale("en-GB").overall(15).dimension("acceptance", 10)
                .crisis("suicidal-ideation");

        KafkaTestClient.publish(crisis);

        List<Map<String, Object>> active = await().atMost(RecommendationApi.WAIT)
                .until(() -> RecommendationApi.withStatus(clientId, "active"), list -> exerciseIds(list)
                        .equals(List.of("seek-therapy")) && !list.get(0).get("id").equals(escalation.get("id")));
        assertThat(active.get(0)).containsEntry("coachAlert", true);
        assertThat(reason(active.get(0))).containsEntry("assessmentId", crisis.scoreId());
        assertThat(resourceNames(active)).containsExactly("Samaritans");
        assertThat(RecommendationApi.withStatus(clientId, "superseded")).extracting(r -> r.get("id"))
                .contains(escalation.get("id"));
    }

    private static void publishThreeLowJournals(String clientId) {
        for (int i = 0; i < 3; i++) {
            KafkaTestClient.publish(ScoreEvent.journal(clientId).overall(25)
                    .dimension("self-compassion", 20, -1, "I'm stupid", "self-labelling", -40)
                    .dimension("acceptance", 30).dimension("focus", 70));
        }
    }

    static String clientId(String scenario) {
        return "rec-it-" + scenario + "-" + UUID.randomUUID().toString().substring(0, 13);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> reason(Map<String, Object> recommendation) {
        return (Map<String, Object>) recommendation.get("reason");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    private static List<Object> resourceNames(List<Map<String, Object>> recommendations) {
        return list(byExercise(recommendations, "seek-therapy").get("crisisResources")).stream()
                .map(r -> r.get("name")).toList();
    }
}
