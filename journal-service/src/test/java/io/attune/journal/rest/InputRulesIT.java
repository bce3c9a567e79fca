package io.attune.journal.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.attune.infra.testing.AttuneStackResource;
import io.attune.infra.testing.TestAuth;
import io.attune.infra.testing.TestTokens;
import io.attune.infra.testing.fuzz.RawClient;
import io.attune.infra.testing.fuzz.RawRequest;
import io.attune.infra.testing.fuzz.RawResponse;
import io.attune.journal.Api;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each request of issue 13's "accepted although it should be refused" and "4xx with an empty body" lists, against
 * journal-service, with the status and field docs/api.md ("Input rules") gives it.
 */
@QuarkusTest
@QuarkusTestResource(AttuneStackResource.class)
class InputRulesIT {

    @BeforeAll
    static void actAsTheTenantsApp() {
        TestAuth.actAsApp();
    }

    private final String clientId = Api.newClientId("rules");

    @Test
    void aNumericOccurredAtIsRefused() {
        refused("{\"text\":\"a walk\",\"occurredAt\":1769850000}", "occurredAt");
    }

    @Test
    void aDuplicateKeyIsRefused() {
        refused("{\"text\":\"first\",\"text\":\"second\"}", "text");
    }

    @ParameterizedTest
    @ValueSource(strings = { "\\u200B\\u200B", "\\u00A0", "\\uFEFF", "\\u200B \\u00A0\\uFEFF\\u2060" })
    void textOfInvisibleCharactersIsBlank(String escaped) {
        refused("{\"text\":\"" + escaped + "\"}", "text");
    }

    @ParameterizedTest
    @ValueSource(strings = { "a\\u0000b", "a\\u001Bb", "a\\rb" })
    void controlCharactersAreRefused(String escaped) {
        refused("{\"text\":\"" + escaped + "\"}", "text");
    }

    @Test
    void twentyThousandEmojiAreTwentyThousandCharacters() {
        Api.accept(Api.ENTRIES, clientId, "{\"text\":\"" + "\\uD83D\\uDE00".repeat(20_000) + "\"}");
        refused("{\"text\":\"" + "\\uD83D\\uDE00".repeat(20_001) + "\"}", "text");
    }

    @Test
    void anEmptyOrRepeatedIdempotencyKeyIsRefused() {
        RawResponse empty = raw("POST", "/api/v1/clients/" + clientId + "/journal-entries",
                List.of(Map.entry("Idempotency-Key", "")), Api.entry("hello"));
        RawResponse twice = raw("POST", "/api/v1/clients/" + clientId + "/journal-entries",
                List.of(Map.entry("Idempotency-Key", "k-1"), Map.entry("Idempotency-Key", "k-2")), Api.entry("hello"));
        assertProblem(empty, 400, "Idempotency-Key");
        assertProblem(twice, 400, "Idempotency-Key");
    }

    @ParameterizedTest
    @ValueSource(strings = { "limit=%2B5", "limit=%D9%A5", "limit=1&limit=abc", "limit=%EF%BC%95" })
    void aLimitThatIsNotOnePlainNumberIsRefused(String query) {
        assertProblem(raw("GET", "/api/v1/clients/" + clientId + "/journal-entries?" + query, List.of(), null), 400,
                "limit");
    }

    @Test
    void aCursorOfAnotherListingIsRefusedNotAnEmptyPage() {
        Api.accept(Api.ENTRIES, clientId, Api.entry("one"));
        Api.accept(Api.ENTRIES, clientId, Api.entry("two"));
        String next = given().queryParam("limit", 1).get(Api.ENTRIES, clientId).then().statusCode(200)
                .extract().path("next");
        assertThat(next).isNotNull();
        given().queryParam("cursor", next).queryParam("limit", 1).get(Api.ENTRIES, clientId).then().statusCode(200);
        // The same position, for another client or another kind of item, or edited: a 400, not some page.
        for (String path : List.of(Api.ENTRIES.replace("{clientId}", Api.newClientId("other")),
                Api.CONVERSATIONS.replace("{clientId}", clientId))) {
            given().queryParam("cursor", next).get(path).then().statusCode(400)
                    .body("errors.field", hasItem("cursor"));
        }
        String edited = (next.charAt(0) == 'A' ? 'B' : 'A') + next.substring(1);
        given().queryParam("cursor", edited).get(Api.ENTRIES, clientId).then().statusCode(400)
                .body("errors.field", hasItem("cursor"));
    }

    @Test
    void aMatrixParameterNeverErasesTheClient() {
        Api.accept(Api.ENTRIES, clientId, Api.entry("still here"));
        for (String path : List.of("/api/v1/clients/" + clientId + ";b", "/api/v1/clients/" + clientId + "%3Bb")) {
            assertProblem(raw("DELETE", path, List.of(), null), 400, "path");
        }
        given().get(Api.ENTRIES, clientId).then().statusCode(200).body("items.size()", equalTo(1));
    }

    @Test
    void locationIsRelativeWhateverTheHostHeaderSays() {
        String location = given().header("Host", "attacker.example").contentType(ContentType.JSON)
                .body(Api.entry("hello")).post(Api.ENTRIES, clientId).then().statusCode(202)
                .extract().header("Location");
        assertThat(location).startsWith("/api/v1/clients/" + clientId + "/journal-entries/")
                .doesNotContain("attacker");
    }

    @Test
    void requestsVertxRefusesAreProblemsToo() {
        assertProblem(raw("GET", "/api/v1/clients/%zz/consent", List.of(), null), 400, "path");
        assertProblem(raw("GET", "/api/v1/clients/" + "a".repeat(9_000) + "/consent", List.of(), null), 414, "path");
        assertProblem(raw("GET", "/api/v1/clients/" + clientId + "/consent",
                List.of(Map.entry("X-Padding", "p".repeat(65 * 1024))), null), 431, "X-Padding");
        String big = Api.entry("o".repeat(300 * 1024));
        for (boolean chunked : List.of(false, true)) {
            RawResponse answer = RawClient.send(RestAssured.port, new RawRequest("POST",
                    "/api/v1/clients/" + clientId + "/journal-entries", headers(List.of(Map.entry("Content-Type",
                            "application/json"))), big.getBytes(StandardCharsets.UTF_8), chunked));
            assertProblem(answer, 413, "body");
        }
    }

    @Test
    void jsonTooDeepOrNumbersTooLongNameTheField() {
        String deep = "{\"text\":\"a\",\"emotions\":" + "[".repeat(2_000) + "]".repeat(2_000) + "}";
        String longNumber = "{\"text\":\"a\",\"emotions\":[{\"label\":\"calm\",\"intensity\":" + "9".repeat(100_000)
                + "}]}";
        for (String json : List.of(deep, longNumber)) {
            List<String> fields = Api.post(Api.ENTRIES, clientId, json).statusCode(400)
                    .contentType("application/problem+json").extract().jsonPath().getList("errors.field", String.class);
            assertThat(fields).singleElement().asString().startsWith("emotions");
        }
        String deepRoot = "[".repeat(2_000) + "]".repeat(2_000);
        Api.post(Api.ENTRIES, clientId, deepRoot).statusCode(400).body("errors.field", hasItem("body"));
    }

    private void refused(String json, String field) {
        Api.post(Api.ENTRIES, clientId, json).statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(field));
    }

    private static RawResponse raw(String method, String target, List<Map.Entry<String, String>> extra, String json) {
        List<Map.Entry<String, String>> headers = new ArrayList<>(extra);
        if (json != null) {
            headers.add(Map.entry("Content-Type", "application/json"));
        }
        return RawClient.send(RestAssured.port, new RawRequest(method, target, headers(headers),
                json == null ? null : json.getBytes(StandardCharsets.UTF_8), false));
    }

    private static List<Map.Entry<String, String>> headers(List<Map.Entry<String, String>> extra) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        headers.add(Map.entry("Authorization", "Bearer " + TestTokens.app(TestAuth.TENANT)));
        headers.addAll(extra);
        return headers;
    }

    private static void assertProblem(RawResponse answer, int status, String field) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        JsonPath problem = JsonPath.from(answer.body());
        assertThat(problem.getInt("status")).isEqualTo(status);
        assertThat(problem.getList("errors.field", String.class)).contains(field);
    }
}
