package io.attune.scoring;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.util.stream.Stream;

import io.attune.infra.testing.AttuneStackResource;
import io.attune.infra.testing.TestAuth;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** POST /api/v1/analyses: synchronous scoring for live hints. */
@QuarkusTest
@QuarkusTestResource(AttuneStackResource.class)
class AnalysisResourceIT {

    @BeforeAll
    static void actAsTheTenantsApp() {
        TestAuth.actAsApp();
    }

    private static final String ANN = "Guess what happened today - my supervisor called me stupid again. "
            + "This is the third time, ugh I hate him!";

    @Test
    void misattunedReplyIsExplained() {
        given().contentType(ContentType.JSON).body(conversation("That sucks! Just forget it."))
                .post("/api/v1/analyses")
                .then().statusCode(200)
                .body("assessment.overall.band", equalTo("misattuned"))
                .body("assessment.dimensions.find { it.name == 'exploration' }.evidence.signal", hasItem("closing-comment"))
                .body("assessment.dimensions.find { it.name == 'acknowledgement' }.evidence", not(empty()))
                .body("assessment.scorerVersion", not(empty()))
                .body("crisisResources", empty());
    }

    @Test
    void attunedReplyIsAttuned() {
        given().contentType(ContentType.JSON)
                .body(conversation("That's not right! It must be very difficult to deal with him, honey."))
                .post("/api/v1/analyses")
                .then().statusCode(200)
                .body("assessment.overall.band", equalTo("attuned"));
    }

    @Test
    void crisisCarriesResourcesForTheLocale() {
        given().contentType(ContentType.JSON)
                .body("""
                        {"kind":"journal","locale":"en-GB",
                         "text":"I can't see a way out anymore. Everyone would be better off without me."}""")
                .post("/api/v1/analyses")
                .then().statusCode(200)
                .body("assessment.safety.level", equalTo("crisis"))
                .body("crisisResources.name", hasItem("Samaritans"));
    }

    @Test
    void everydayHyperboleIsNotACrisis() {
        given().contentType(ContentType.JSON)
                .body("""
                        {"kind":"journal","text":"This deadline is killing me, but I noticed I was tense and took a walk."}""")
                .post("/api/v1/analyses")
                .then().statusCode(200)
                .body("assessment.safety.level", not(equalTo("crisis")))
                .body("crisisResources", empty());
    }

    static Stream<Arguments> invalidRequests() {
        return Stream.of(
                Arguments.of("{}", "kind"),
                Arguments.of("{\"kind\":\"poem\",\"text\":\"x\"}", "kind"),
                Arguments.of("{\"kind\":\"journal\"}", "text"),
                Arguments.of("{\"kind\":\"journal\",\"text\":\"   \"}", "text"),
                Arguments.of("{\"kind\":\"journal\",\"text\":\"ok\",\"turns\":[]}", "turns"),
                Arguments.of("{\"kind\":\"journal\",\"text\":\"ok\",\"emotions\":[{\"label\":\"sad\",\"intensity\":11}]}",
                        "emotions[0].intensity"),
                Arguments.of("{\"kind\":\"journal\",\"text\":\"ok\",\"mood\":\"x\"}", "mood"),
                Arguments.of("{\"kind\":\"journal\",\"text\":\"ok\",\"locale\":\"English\"}", "locale"),
                Arguments.of("{\"kind\":\"conversation\",\"relationship\":\"partner\",\"clientSpeaker\":\"B\","
                        + "\"turns\":[{\"speaker\":\"A\",\"text\":\"hi\"},{\"speaker\":\"C\",\"text\":\"yo\"}]}", "clientSpeaker"),
                Arguments.of("{\"kind\":\"conversation\",\"relationship\":\"boss\",\"clientSpeaker\":\"B\","
                        + "\"turns\":[{\"speaker\":\"A\",\"text\":\"hi\"},{\"speaker\":\"B\",\"text\":\"yo\"}]}", "relationship"),
                Arguments.of("{\"kind\":\"conversation\",\"relationship\":\"friend\",\"clientSpeaker\":\"B\","
                        + "\"turns\":[{\"speaker\":\"A\",\"text\":\"hi\"}]}", "turns"),
                Arguments.of("{\"kind\":\"conversation\",\"relationship\":\"friend\",\"clientSpeaker\":\"B\","
                        + "\"turns\":[{\"speaker\":\"A\",\"text\":\"\"},{\"speaker\":\"B\",\"text\":\"yo\"}]}", "turns[0].text"),
                Arguments.of("{\"kind\":\"conversation\",\"relationship\":\"friend\",\"clientSpeaker\":\"B\","
                        + "\"turns\":\"nope\"}", "turns"));
    }

    @ParameterizedTest
    @MethodSource("invalidRequests")
    void invalidFieldsAreNamed(String body, String field) {
        given().contentType(ContentType.JSON).body(body)
                .post("/api/v1/analyses")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItem(field));
    }

    @Test
    void malformedJsonAndWrongContentTypeAreClear4xx() {
        given().contentType(ContentType.JSON).body("{\"kind\":")
                .post("/api/v1/analyses")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", startsWith("https://attune.io/problems/"));
        given().contentType(ContentType.TEXT).body("hello")
                .post("/api/v1/analyses")
                .then().statusCode(415).contentType("application/problem+json");
    }

    private static String conversation(String reply) {
        return """
                {"kind":"conversation","relationship":"partner","clientSpeaker":"Steve",
                 "turns":[{"speaker":"Ann","text":"%s"},{"speaker":"Steve","text":"%s"}]}""".formatted(ANN, reply);
    }
}
