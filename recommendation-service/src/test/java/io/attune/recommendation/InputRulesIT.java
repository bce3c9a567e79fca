package io.attune.recommendation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.attune.infra.testing.AttuneStackResource;
import io.attune.infra.testing.TestAuth;
import io.attune.infra.testing.TestTokens;
import io.attune.infra.testing.fuzz.RawClient;
import io.attune.infra.testing.fuzz.RawRequest;
import io.attune.infra.testing.fuzz.RawResponse;
import io.attune.infra.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The admin API's share of issue 13's "accepted although it should be refused" list (type coercion, NUL and
 * U+202E in titles), the 413 that had no body here, and a Location that ignores the Host header.
 */
@QuarkusTest
@QuarkusTestResource(AttuneStackResource.class)
class InputRulesIT {

    @BeforeAll
    static void actAsAnAdmin() {
        TestAuth.actAs(TestTokens.admin(TestAuth.TENANT));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"id\":5,\"exercise\":EXERCISE                                  | id",
            "\"id\":\"ID\",\"exercise\":EXERCISE,\"id\":\"ID\"                | id",
            "\"id\":\"ID\",\"exercise\":{\"title\":true,REST}                 | exercise.title",
            "\"id\":\"ID\",\"exercise\":{\"title\":\"a\\u0000b\",REST}        | exercise.title",
            "\"id\":\"ID\",\"exercise\":{\"title\":\"\\u202Eevil\",REST}      | exercise.title",
            "\"id\":\"ID\",\"exercise\":{\"title\":\"\\u200B\\u00A0\",REST}   | exercise.title",
            "\"id\":\"ID\",\"exercise\":{\"title\":\"t\",\"instructions\":\"i\",\"durationMinutes\":\"5\",\"targetDimensions\":[],\"contexts\":[\"self\"],\"source\":\"s\"} | exercise.durationMinutes",
            "\"id\":\"ID\",\"exercise\":{\"title\":\"t\",\"instructions\":\"i\",\"durationMinutes\":7.5,\"targetDimensions\":[],\"contexts\":[\"self\"],\"source\":\"s\"} | exercise.durationMinutes" })
    void coercedOrUnsafeCatalogInputIsRefused(String fields, String field) {
        String id = "rules-" + UUID.randomUUID().toString().substring(0, 8);
        String rest = "\"instructions\":\"Breathe.\",\"durationMinutes\":5,\"targetDimensions\":[],\"contexts\":[\"self\"],"
                + "\"source\":\"Attune tests\"";
        String body = "{" + fields.replace("EXERCISE", "{\"title\":\"Breathe\"," + rest + "}").replace("REST", rest)
                .replace("ID", id) + "}";
        given().contentType(ContentType.JSON).body(body).post("/api/v1/admin/exercises").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem(field));
        given().get("/api/v1/admin/exercises/{id}", id).then().statusCode(404);
    }

    @Test
    void locationIsRelativeWhateverTheHostHeaderSays() {
        String id = "rules-" + UUID.randomUUID().toString().substring(0, 8);
        given().header("Host", "attacker.example").contentType(ContentType.JSON)
                .body("{\"id\":\"" + id + "\",\"exercise\":{\"title\":\"Breathe\",\"instructions\":\"Breathe.\","
                        + "\"durationMinutes\":5,\"targetDimensions\":[],\"contexts\":[\"self\"],\"source\":\"s\"}}")
                .post("/api/v1/admin/exercises").then().statusCode(201)
                .header("Location", equalTo("/api/v1/admin/exercises/" + id));
    }

    @Test
    void anOversizedBodyIsAProblemWithOrWithoutContentLength() {
        byte[] body = ("{\"title\":\"" + "o".repeat(300 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        for (boolean chunked : List.of(false, true)) {
            RawResponse answer = RawClient.send(RestAssured.port, new RawRequest("PUT", "/api/v1/admin/exercises/anything",
                    List.of(Map.entry("Authorization", "Bearer " + TestTokens.admin(TestAuth.TENANT)),
                            Map.entry("Content-Type", "application/json")), body, chunked));
            assertThat(answer.status()).isEqualTo(413);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(JsonPath.from(answer.body()).getList("errors.field", String.class)).containsExactly("body");
        }
    }
}
