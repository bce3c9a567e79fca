package io.attune.recommendation;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** The coaching-app side of the HTTP API, as tests use it. */
final class RecommendationApi {

    static final Duration WAIT = Duration.ofSeconds(60);

    private RecommendationApi() {
    }

    /** Every recommendation of the client, newest first. */
    static List<Map<String, Object>> all(String clientId) {
        return given().queryParam("limit", 100)
                .get("/api/v1/clients/{clientId}/recommendations", clientId)
                .then().statusCode(200).extract().jsonPath().getList("items");
    }

    static List<Map<String, Object>> withStatus(String clientId, String status) {
        return given().queryParam("status", status).queryParam("limit", 100)
                .get("/api/v1/clients/{clientId}/recommendations", clientId)
                .then().statusCode(200).extract().jsonPath().getList("items");
    }

    /** Waits until the client's recommendations satisfy {@code condition}, then returns them. */
    static List<Map<String, Object>> awaitAll(String clientId, Predicate<List<Map<String, Object>>> condition) {
        return await().atMost(WAIT).pollInterval(Duration.ofMillis(100))
                .until(() -> all(clientId), condition);
    }

    static List<Map<String, Object>> awaitAtLeast(String clientId, int count) {
        return awaitAll(clientId, list -> list.size() >= count);
    }

    static Map<String, Object> byExercise(List<Map<String, Object>> recommendations, String exerciseId) {
        return recommendations.stream().filter(r -> exerciseId.equals(r.get("exerciseId"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + exerciseId + " in " + recommendations));
    }

    static List<String> exerciseIds(List<Map<String, Object>> recommendations) {
        return recommendations.stream().map(r -> (String) r.get("exerciseId")).toList();
    }

    static ValidatableResponse feedback(String clientId, Object recommendationId, String body) {
        return given().contentType(ContentType.JSON).body(body)
                .post("/api/v1/clients/{clientId}/recommendations/{id}/feedback", clientId, recommendationId)
                .then();
    }

    static ValidatableResponse profile(String clientId) {
        return given().get("/api/v1/clients/{clientId}/profile", clientId).then().statusCode(200);
    }
}
