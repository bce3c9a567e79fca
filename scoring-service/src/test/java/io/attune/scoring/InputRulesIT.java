package io.attune.scoring;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.attune.infra.testing.AttuneStackResource;
import io.attune.infra.testing.TestAuth;
import io.attune.infra.testing.TestTokens;
import io.attune.infra.testing.fuzz.RawClient;
import io.attune.infra.testing.fuzz.RawRequest;
import io.attune.infra.testing.fuzz.RawResponse;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** scoring-service's share of issue 13's lists: type coercion that was accepted, and a 413 without a body. */
@QuarkusTest
@QuarkusTestResource(AttuneStackResource.class)
class InputRulesIT {

    @BeforeAll
    static void actAsTheTenantsApp() {
        TestAuth.actAsApp();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"kind\":\"journal\",\"text\":123}                                                     | text",
            "{\"kind\":\"journal\",\"text\":\"a\",\"emotions\":[{\"label\":true,\"intensity\":3}]}   | emotions[0].label",
            "{\"kind\":\"journal\",\"text\":\"a\",\"emotions\":[{\"label\":\"sad\",\"intensity\":\"7\"}]} | emotions[0].intensity",
            "{\"kind\":\"journal\",\"text\":\"a\",\"emotions\":[{\"label\":\"sad\",\"intensity\":7.5}]} | emotions[0].intensity",
            "{\"kind\":\"journal\",\"text\":\"\\u200B\\uFEFF\"}                                        | text",
            "{\"kind\":\"journal\",\"text\":\"a\",\"text\":\"b\"}                                     | text" })
    void coercedOrInvisibleInputIsRefused(String body, String field) {
        given().contentType(ContentType.JSON).body(body).post("/api/v1/analyses").then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("errors.field", hasItem(field));
    }

    @Test
    void anOversizedBodyIsAProblemWithOrWithoutContentLength() {
        byte[] body = ("{\"kind\":\"journal\",\"text\":\"" + "o".repeat(300 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        for (boolean chunked : List.of(false, true)) {
            RawResponse answer = RawClient.send(RestAssured.port, new RawRequest("POST", "/api/v1/analyses",
                    List.of(Map.entry("Authorization", "Bearer " + TestTokens.app(TestAuth.TENANT)),
                            Map.entry("Content-Type", "application/json")), body, chunked));
            assertThat(answer.status()).isEqualTo(413);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(JsonPath.from(answer.body()).getList("errors.field", String.class)).containsExactly("body");
        }
    }
}
