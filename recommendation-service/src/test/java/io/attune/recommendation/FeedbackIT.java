package io.attune.recommendation;

import static io.attune.recommendation.RecommendationApi.awaitAtLeast;
import static io.attune.recommendation.RecommendationApi.byExercise;
import static io.attune.recommendation.RecommendationApi.exerciseIds;
import static io.attune.recommendation.RecommendationApi.feedback;
import static io.attune.recommendation.RecommendationFlowIT.clientId;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.attune.infra.testing.AttuneStackResource;
import io.attune.infra.testing.TestAuth;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Feedback moves a recommendation along its lifecycle; anything else is refused. */
@QuarkusTest
@QuarkusTestResource(AttuneStackResource.class)
class FeedbackIT {

    @BeforeAll
    static void actAsTheTenantsApp() {
        TestAuth.actAsApp();
    }

    private static final String PROBLEM = "application/problem+json";

    @Test
    void viewedThenCompletedWithHelpfulnessAndEachChangeIsPublished() {
        String clientId = clientId("feedback");
        String id = (String) byExercise(awaitAtLeast(publishTalker(clientId), 1), "talk-less").get("id");

        feedback(clientId, id, "{\"status\":\"viewed\"}").statusCode(200)
                .body("status", equalTo("viewed")).body("feedback", nullValue());
        feedback(clientId, id, "{\"status\":\"completed\",\"helpful\":5,\"note\":\"We talked for an hour.\"}")
                .statusCode(200).body("status", equalTo("completed")).body("feedback.helpful", equalTo(5))
                .body("feedback.note", equalTo("We talked for an hour.")).body("feedback.at", notNullValue());
        given().get("/api/v1/clients/{clientId}/recommendations/{id}", clientId, id).then().statusCode(200)
                .body("status", equalTo("completed")).body("feedback.helpful", equalTo(5));

        List<ConsumerRecord<String, String>> events = KafkaTestClient.recommendationEvents(clientId, 4,
                RecommendationApi.WAIT);
        List<JsonNode> changes = events.stream().map(KafkaTestClient::tree)
                .filter(e -> e.path("recommendationId").asText().equals(id)).toList();
        assertThat(changes).extracting(e -> e.path("change").asText() + ":" + e.path("status").asText())
                .containsExactly("issued:active", "status-changed:viewed", "status-changed:completed");
        assertThat(events).filteredOn(e -> KafkaTestClient.tree(e).path("change").asText().equals("status-changed"))
                .allSatisfy(e -> assertThat(KafkaTestClient.header(e, "ce_type"))
                        .isEqualTo("attune.recommendation.status-changed.v1"));
    }

    @Test
    void illegalTransitionsAreRefusedWith409() {
        String clientId = clientId("illegal");
        List<Map<String, Object>> recommendations = awaitAtLeast(publishTalker(clientId), 2);
        String talkLess = (String) byExercise(recommendations, "talk-less").get("id");
        String other = (String) byExercise(recommendations, "ask-relevant-questions").get("id");

        feedback(clientId, talkLess, "{\"status\":\"viewed\"}").statusCode(200);
        feedback(clientId, talkLess, "{\"status\":\"viewed\"}").statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("https://attune.io/problems/illegal-transition")).body("status", equalTo(409));
        feedback(clientId, other, "{\"status\":\"dismissed\"}").statusCode(200).body("status", equalTo("dismissed"));
        feedback(clientId, other, "{\"status\":\"completed\"}").statusCode(409).contentType(PROBLEM)
                .body("detail", equalTo("A dismissed recommendation cannot become completed."));
        feedback(clientId, other, "{\"status\":\"viewed\"}").statusCode(409);
        feedback(clientId, talkLess, "{\"status\":\"completed\"}").statusCode(200);
        feedback(clientId, talkLess, "{\"status\":\"dismissed\"}").statusCode(409);

        given().get("/api/v1/clients/{clientId}/recommendations/{id}", clientId, talkLess).then()
                .body("status", equalTo("completed"));
    }

    @Test
    void invalidFeedbackIsA400NamingTheFieldAndUnknownRecommendationsA404() {
        String clientId = clientId("invalid");
        String id = (String) awaitAtLeast(publishTalker(clientId), 1).get(0).get("id");

        feedback(clientId, id, "{\"status\":\"superseded\"}").statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("status"));
        feedback(clientId, id, "{\"status\":\"completed\",\"helpful\":9}").statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("helpful"));
        feedback(clientId, id, "{\"helpful\":3}").statusCode(400).body("errors.field", contains("status"));
        feedback(clientId, id, "{\"status\":\"viewed\",\"mood\":\"great\"}").statusCode(400)
                .body("errors.field", contains("mood"));
        feedback(clientId, id, "{not json").statusCode(400).contentType(PROBLEM);
        feedback(clientId, "no-such-recommendation", "{\"status\":\"viewed\"}").statusCode(404).contentType(PROBLEM);
        feedback(clientId("someone-else"), id, "{\"status\":\"viewed\"}").statusCode(404);
        given().get("/api/v1/clients/{clientId}/recommendations/{id}", clientId, "no-such").then()
                .statusCode(404).contentType(PROBLEM).body("status", equalTo(404));

        // None of it changed the recommendation.
        given().get("/api/v1/clients/{clientId}/recommendations/{id}", clientId, id).then()
                .body("status", equalTo("active"));
    }

    @Test
    void aDismissedExerciseIsNotRecommendedAgainButACompletedOneMayBe() {
        String clientId = clientId("dismissed");
        List<Map<String, Object>> first = awaitAtLeast(publishTalker(clientId), 2);
        feedback(clientId, byExercise(first, "ask-relevant-questions").get("id"), "{\"status\":\"dismissed\"}")
                .statusCode(200);
        feedback(clientId, byExercise(first, "talk-less").get("id"), "{\"status\":\"completed\",\"helpful\":4}")
                .statusCode(200);

        publishTalker(clientId);

        List<Map<String, Object>> active = await().atMost(RecommendationApi.WAIT)
                .until(() -> RecommendationApi.withStatus(clientId, "active"), list -> !list.isEmpty());
        assertThat(exerciseIds(active)).containsExactly("talk-less");
        assertThat(exerciseIds(RecommendationApi.all(clientId))).filteredOn("ask-relevant-questions"::equals)
                .hasSize(1);
    }

    @Test
    void listingFiltersByStatusAndPagesWithACursor() {
        String clientId = clientId("paging");
        KafkaTestClient.publish(ScoreEvent.misattunedConversation(clientId));
        List<Map<String, Object>> all = awaitAtLeast(clientId, 3);
        feedback(clientId, all.get(1).get("id"), "{\"status\":\"viewed\"}").statusCode(200);

        given().queryParam("status", "viewed").get("/api/v1/clients/{clientId}/recommendations", clientId).then()
                .statusCode(200).body("items", hasSize(1)).body("items[0].id", equalTo(all.get(1).get("id")));
        String next = given().queryParam("limit", 2).get("/api/v1/clients/{clientId}/recommendations", clientId)
                .then().statusCode(200).body("items", hasSize(2)).body("next", notNullValue())
                .extract().path("next");
        given().queryParam("limit", 2).queryParam("cursor", next)
                .get("/api/v1/clients/{clientId}/recommendations", clientId).then().statusCode(200)
                .body("items", hasSize(1)).body("next", nullValue())
                .body("items[0].id", equalTo(all.get(2).get("id")));
        given().queryParam("status", "finished").queryParam("limit", 0).queryParam("cursor", "garbage")
                .get("/api/v1/clients/{clientId}/recommendations", clientId).then().statusCode(400)
                .contentType(PROBLEM).body("errors.field", contains("status", "limit", "cursor"));
    }

    /** A conversation where the client dominates the talk: talk-less, then ask-relevant-questions. */
    private static String publishTalker(String clientId) {
        KafkaTestClient.publish(ScoreEvent.conversation(clientId, "friend").overall(55)
                .dimension("acknowledgement", 65).dimension("mirroring", 60).dimension("inquiry", 60)
                .dimension("exploration", 70).dimension("presence", 75)
                .dimension("listening-balance", 15, 1, "you should just quit", "advice-before-understanding", -35));
        return clientId;
    }
}
