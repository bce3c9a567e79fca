package io.attune.recommendation;

import static io.attune.recommendation.RecommendationFlowIT.clientId;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import io.attune.infra.testing.AttuneStackResource;
import io.attune.infra.testing.TestAuth;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The per-client profile: score history per dimension, rolling averages and trends. */
@QuarkusTest
@QuarkusTestResource(AttuneStackResource.class)
class ProfileIT {

    @BeforeAll
    static void actAsTheTenantsApp() {
        TestAuth.actAsApp();
    }

    @Test
    void historyRollingAverageAndTrendAfterSeveralScores() {
        String clientId = clientId("profile");
        Instant start = Instant.now().minus(4, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
        int[] focus = { 20, 30, 50, 70 };
        String lastScoreId = null;
        for (int i = 0; i < focus.length; i++) {
            ScoreEvent score = ScoreEvent.journal(clientId).overall(40 + 10 * i).scoredAt(start.plus(i, ChronoUnit.DAYS))
                    .dimension("focus", focus[i], -1, "while scrolling", "multitasking", -20)
                    .dimension("mindfulness", 60);
            KafkaTestClient.publish(score);
            lastScoreId = score.scoreId();
        }

        await().atMost(RecommendationApi.WAIT).until(() -> RecommendationApi.profile(clientId).extract().jsonPath()
                .getInt("scores") == 4);
        JsonPath profile = RecommendationApi.profile(clientId).extract().jsonPath();

        assertThat(profile.getString("clientId")).isEqualTo(clientId);
        assertThat(profile.getList("history.focus.score", Integer.class)).containsExactly(20, 30, 50, 70);
        assertThat(profile.getList("history.overall.score", Integer.class)).containsExactly(40, 50, 60, 70);
        assertThat(profile.getString("history.focus[3].assessmentId")).isEqualTo(lastScoreId);
        assertThat(Instant.parse(profile.getString("history.focus[0].at"))).isEqualTo(start);

        Map<String, Object> focusSummary = summary(profile, "focus");
        assertThat(focusSummary).containsEntry("latest", 70).containsEntry("count", 4);
        assertThat(((Number) focusSummary.get("rollingAverage")).doubleValue()).isEqualTo(42.5);
        assertThat(focusSummary).containsEntry("trend", "improving");
        assertThat(summary(profile, "mindfulness")).containsEntry("trend", "steady");
        assertThat(profile.getString("summary.overall.trend")).isEqualTo("improving");
        assertThat(profile.getList("alerts")).isEmpty();
    }

    @Test
    void anUnknownClientIsA404AndABadIdIsA400() {
        given().get("/api/v1/clients/{clientId}/profile", clientId("nobody")).then().statusCode(404)
                .contentType("application/problem+json");

        given().get("/api/v1/clients/{clientId}/profile", "bad id!").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("clientId"));
    }

    private static Map<String, Object> summary(JsonPath profile, String dimension) {
        List<Map<String, Object>> dimensions = profile.getList("summary.dimensions");
        return dimensions.stream().filter(d -> dimension.equals(d.get("name"))).findFirst().orElseThrow();
    }
}
