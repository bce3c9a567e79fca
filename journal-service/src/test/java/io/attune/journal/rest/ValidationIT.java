package io.attune.journal.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.attune.chassis.problem.Problem;
import io.attune.infra.testing.AttuneStackResource;
import io.attune.infra.testing.TestAuth;
import io.attune.journal.Api;
import io.attune.journal.RawHttp;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every documented limit and rule of the two POST endpoints, as tables: each invalid request is a 400
 * {@code application/problem+json} naming the field at fault and why; each request exactly at a limit is accepted.
 */
@QuarkusTest
@QuarkusTestResource(AttuneStackResource.class)
class ValidationIT {

    @BeforeAll
    static void actAsTheTenantsApp() {
        TestAuth.actAsApp();
    }

    private static final String OK_TURN = "{\"speaker\":\"Ann\",\"text\":\"I hate him!\"}";

    record Invalid(String name, String path, String body, Map<String, String> fieldReasons) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Invalid> invalidEntries() {
        return Stream.of(
                entry("text missing", "{}", "text", "must not be blank"),
                entry("text blank", "{\"text\":\"   \"}", "text", "must not be blank"),
                entry("text null", "{\"text\":null}", "text", "must not be blank"),
                entry("text over 20000 chars", "{\"text\":\"" + "a".repeat(20_001) + "\"}", "text", "must be at most 20000 characters"),
                entry("text is a number", "{\"text\":123}", "text", "must be a string"),
                entry("text is an object", "{\"text\":{\"a\":1}}", "text", "must be a string"),
                entry("unknown field", "{\"text\":\"a\",\"mood\":\"sad\"}", "mood", "is not a known field"),
                entry("unknown nested field", "{\"text\":\"a\",\"emotions\":[{\"label\":\"sad\",\"intensity\":3,\"x\":1}]}",
                        "emotions[0].x", "is not a known field"),
                entry("context not in enum", "{\"text\":\"a\",\"context\":\"boss\"}", "context",
                        "must be one of self, partner, child, friend, colleague, coachee, other"),
                entry("context upper case", "{\"text\":\"a\",\"context\":\"SELF\"}", "context", "must be one of"),
                entry("context is a number", "{\"text\":\"a\",\"context\":3}", "context", "must be"),
                entry("intensity 0", emotions("{\"label\":\"sad\",\"intensity\":0}"), "emotions[0].intensity", "must be greater than or equal to 1"),
                entry("intensity 11", emotions("{\"label\":\"sad\",\"intensity\":11}"), "emotions[0].intensity", "must be less than or equal to 10"),
                entry("intensity missing", emotions("{\"label\":\"sad\"}"), "emotions[0].intensity", "must not be null"),
                entry("intensity is a string", emotions("{\"label\":\"sad\",\"intensity\":\"7\"}"), "emotions[0].intensity", "must be an integer"),
                entry("intensity is a fraction", emotions("{\"label\":\"sad\",\"intensity\":7.5}"), "emotions[0].intensity", "must be an integer"),
                entry("label blank", emotions("{\"label\":\"\",\"intensity\":3}"), "emotions[0].label", "must not be blank"),
                entry("label over 40 chars", emotions("{\"label\":\"" + "x".repeat(41) + "\",\"intensity\":3}"), "emotions[0].label", "must be at most 40 characters"),
                entry("emotion null", emotions("null"), "emotions[0]", "must not be null"),
                entry("21 emotions", emotions(IntStream.range(0, 21).mapToObj(i -> "{\"label\":\"e" + i + "\",\"intensity\":3}")
                        .collect(Collectors.joining(","))), "emotions", "size must be between 0 and 20"),
                entry("emotions not an array", "{\"text\":\"a\",\"emotions\":\"sad\"}", "emotions", "must be an array"),
                entry("locale upper case", "{\"text\":\"a\",\"locale\":\"EN\"}", "locale", "must be a language tag"),
                entry("locale with underscore", "{\"text\":\"a\",\"locale\":\"en_GB\"}", "locale", "must be a language tag"),
                entry("occurredAt without offset", "{\"text\":\"a\",\"occurredAt\":\"2026-01-31T09:00:00\"}", "occurredAt", "ISO-8601"),
                entry("occurredAt not a date", "{\"text\":\"a\",\"occurredAt\":\"yesterday\"}", "occurredAt", "ISO-8601"),
                entry("occurredAt in the future", "{\"text\":\"a\",\"occurredAt\":\"2999-01-01T00:00:00Z\"}", "occurredAt", "must not be in the future"),
                // Used to be a 500: the year did not fit a MongoDB date.
                entry("occurredAt far in the past", "{\"text\":\"a\",\"occurredAt\":\"-999999999-01-01T00:00:00Z\"}", "occurredAt", "must not be before 1900"),
                entry("occurredAt before 1900", "{\"text\":\"a\",\"occurredAt\":\"1899-12-31T23:59:59Z\"}", "occurredAt", "must not be before 1900"),
                new Invalid("several fields at once", Api.ENTRIES,
                        "{\"text\":\"\",\"locale\":\"EN\",\"emotions\":[{\"label\":\"sad\",\"intensity\":12}]}",
                        Map.of("text", "must not be blank", "locale", "must be a language tag",
                                "emotions[0].intensity", "must be less than or equal to 10")));
    }

    static Stream<Invalid> invalidConversations() {
        return Stream.of(
                conversation("relationship missing", "{\"clientSpeaker\":\"Ann\",\"turns\":[" + OK_TURN + "," + turn("Bob", "hi") + "]}",
                        "relationship", "must not be null"),
                conversation("relationship not in enum", body("\"boss\"", "\"Bob\"", OK_TURN + "," + turn("Bob", "hi")),
                        "relationship", "must be one of partner, child, friend, colleague, coachee, other"),
                conversation("clientSpeaker missing", "{\"relationship\":\"friend\",\"turns\":[" + OK_TURN + "," + turn("Bob", "hi") + "]}",
                        "clientSpeaker", "must not be blank"),
                conversation("clientSpeaker not a speaker", body("\"friend\"", "\"Carol\"", OK_TURN + "," + turn("Bob", "hi")),
                        "clientSpeaker", "must be the speaker of at least one turn"),
                conversation("clientSpeaker over 40 chars", body("\"friend\"", "\"" + "c".repeat(41) + "\"", OK_TURN + "," + turn("Bob", "hi")),
                        "clientSpeaker", "must be at most 40 characters"),
                conversation("only the client speaks", body("\"friend\"", "\"Bob\"", turn("Bob", "a") + "," + turn("Bob", "b")),
                        "turns", "must include at least one turn by someone other than the client"),
                conversation("turns missing", "{\"relationship\":\"friend\",\"clientSpeaker\":\"Bob\"}", "turns", "must not be null"),
                conversation("one turn", body("\"friend\"", "\"Ann\"", OK_TURN), "turns", "size must be between 2 and 50"),
                conversation("51 turns", body("\"friend\"", "\"Bob\"", turns(51)), "turns", "size must be between 2 and 50"),
                conversation("turns not an array", body("\"friend\"", "\"Bob\"", "").replace("[]", "{}"), "turns", "must be an array"),
                conversation("turn text over 2000 chars", body("\"friend\"", "\"Bob\"", OK_TURN + "," + turn("Bob", "b".repeat(2001))),
                        "turns[1].text", "must be at most 2000 characters"),
                conversation("turn text blank", body("\"friend\"", "\"Bob\"", OK_TURN + "," + turn("Bob", " ")),
                        "turns[1].text", "must not be blank"),
                conversation("speaker over 40 chars", body("\"friend\"", "\"Ann\"", OK_TURN + "," + turn("s".repeat(41), "hi")),
                        "turns[1].speaker", "must be at most 40 characters"),
                conversation("speaker missing", body("\"friend\"", "\"Ann\"", OK_TURN + ",{\"text\":\"hi\"}"),
                        "turns[1].speaker", "must not be blank"),
                conversation("turn null", body("\"friend\"", "\"Ann\"", OK_TURN + ",null"), "turns[1]", "must not be null"),
                conversation("unknown turn field", body("\"friend\"", "\"Ann\"", OK_TURN + ",{\"speaker\":\"B\",\"text\":\"x\",\"tone\":1}"),
                        "turns[1].tone", "is not a known field"),
                conversation("unknown field", "{\"relationship\":\"friend\",\"clientSpeaker\":\"Ann\",\"turns\":[" + OK_TURN + ","
                        + turn("Bob", "hi") + "],\"coach\":\"x\"}", "coach", "is not a known field"),
                conversation("occurredAt in the future", "{\"relationship\":\"friend\",\"clientSpeaker\":\"Ann\",\"turns\":[" + OK_TURN
                        + "," + turn("Bob", "hi") + "],\"occurredAt\":\"2999-01-01T00:00:00Z\"}", "occurredAt", "must not be in the future"),
                conversation("locale invalid", "{\"relationship\":\"friend\",\"clientSpeaker\":\"Ann\",\"turns\":[" + OK_TURN
                        + "," + turn("Bob", "hi") + "],\"locale\":\"english\"}", "locale", "must be a language tag"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({ "invalidEntries", "invalidConversations" })
    void invalidBodyIsA400ListingEachFieldAndReason(Invalid request) {
        Response response = given().contentType(ContentType.JSON).body(request.body())
                .post(request.path(), Api.newClientId("validation"));

        response.then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(400))
                .body("type", startsWith("https://attune.io/problems/"));
        List<Map<String, String>> errors = response.jsonPath().getList("errors");
        request.fieldReasons().forEach((field, reason) -> assertThat(errors)
                .as("errors of %s", request.name())
                .anySatisfy(error -> {
                    assertThat(error.get("field")).isEqualTo(field);
                    assertThat(error.get("reason")).contains(reason);
                }));
        assertThat(errors).hasSize(request.fieldReasons().size());
    }

    static Stream<Arguments> requestsAtTheLimits() {
        String emotions20 = IntStream.range(0, 20).mapToObj(i -> "{\"label\":\"" + "l".repeat(40) + "\",\"intensity\":" + (i % 10 + 1) + "}")
                .collect(Collectors.joining(","));
        return Stream.of(
                Arguments.of("text of 20000 chars, 20 emotions with 40-char labels, every context field",
                        Api.ENTRIES, "{\"text\":\"" + "a".repeat(20_000) + "\",\"emotions\":[" + emotions20
                                + "],\"context\":\"colleague\",\"locale\":\"en-GB\",\"occurredAt\":\"1900-01-01T00:00:00Z\"}"),
                Arguments.of("text of 20000 non-ASCII chars", Api.ENTRIES, "{\"text\":\"" + "é".repeat(20_000) + "\"}"),
                Arguments.of("text only", Api.ENTRIES, "{\"text\":\"a\"}"),
                Arguments.of("empty emotions and explicit nulls for optional fields", Api.ENTRIES,
                        "{\"text\":\"a\",\"emotions\":[],\"occurredAt\":null,\"locale\":null}"),
                Arguments.of("2 turns", Api.CONVERSATIONS, body("\"child\"", "\"Ann\"", OK_TURN + "," + turn("Bob", "hi"))),
                Arguments.of("50 turns of 2000 chars by 40-char speakers", Api.CONVERSATIONS,
                        "{\"relationship\":\"coachee\",\"clientSpeaker\":\"" + "A".repeat(40) + "\",\"turns\":["
                                + IntStream.range(0, 50).mapToObj(i -> turn((i % 2 == 0 ? "A" : "B").repeat(40), "t".repeat(2000)))
                                        .collect(Collectors.joining(",")) + "],\"locale\":\"de\",\"occurredAt\":\"2025-03-14T18:45:00+01:00\"}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requestsAtTheLimits")
    void requestAtTheLimitIsAccepted(String name, String path, String body) {
        String clientId = Api.newClientId("limits");
        String id = Api.accept(path, clientId, body);
        given().get(path + "/{id}", clientId, id).then().statusCode(200).body("id", equalTo(id));
    }

    static Stream<Arguments> badRequestsOfOtherKinds() {
        String valid = Api.entry("fine");
        return Stream.of(
                Arguments.of("text/plain body", "text/plain", valid, Map.of(), 415, "unsupported-media-type"),
                Arguments.of("form body", "application/x-www-form-urlencoded", "text=hello", Map.of(), 415, "unsupported-media-type"),
                Arguments.of("content type not a media type", "garbage", valid, Map.of(), 415, "unsupported-media-type"),
                Arguments.of("xml body", "application/xml", "<text>hi</text>", Map.of(), 415, "unsupported-media-type"),
                Arguments.of("truncated JSON", "application/json", "{\"text\":", Map.of(), 400, "malformed-json"),
                Arguments.of("trailing comma", "application/json", "{\"text\":\"a\",}", Map.of(), 400, "malformed-json"),
                Arguments.of("single quotes", "application/json", "{'text':'a'}", Map.of(), 400, "malformed-json"),
                Arguments.of("empty body", "application/json", "", Map.of(), 400, "validation"),
                Arguments.of("JSON null", "application/json", "null", Map.of(), 400, "validation"),
                Arguments.of("JSON array", "application/json", "[{\"text\":\"a\"}]", Map.of(), 400, "validation"),
                Arguments.of("JSON string", "application/json", "\"text\"", Map.of(), 400, "validation"),
                Arguments.of("nested 5000 deep", "application/json", "[".repeat(5000), Map.of(), 400, "validation"),
                Arguments.of("Idempotency-Key too long", "application/json", valid, Map.of("Idempotency-Key", "k".repeat(129)), 400, "validation"),
                Arguments.of("Idempotency-Key with a space", "application/json", valid, Map.of("Idempotency-Key", "two words"), 400, "validation"),
                Arguments.of("Accept text/plain only", "application/json", valid, Map.of("Accept", "text/plain"), 406, "not-acceptable"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequestsOfOtherKinds")
    void badRequestOfOtherKindIsAClear4xxProblem(String name, String contentType, String body, Map<String, String> headers,
            int status, String problemType) {
        EncoderConfig exactly = EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)
                .encodeContentTypeAs(contentType, ContentType.TEXT);
        given().config(RestAssured.config().encoderConfig(exactly)).contentType(contentType).headers(headers).body(body)
                .post(Api.ENTRIES, Api.newClientId("bad-request"))
                .then().statusCode(status).contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(status))
                .body("type", equalTo("https://attune.io/problems/" + problemType));
    }

    @Test
    void bodyOver256KbIsRefusedWith413AndJustUnderIsRead() {
        String path = Api.ENTRIES.replace("{clientId}", Api.newClientId("size"));
        byte[] over = ("{\"text\":\"" + "o".repeat(256 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        assertThat(RawHttp.post(RestAssured.port, path, "application/json", over))
                .isEqualTo(new RawHttp.Answer(413, Problem.MEDIA_TYPE));
        // Just under the limit the body is read and validated: the text is too long, not the body.
        byte[] under = ("{\"text\":\"" + "u".repeat(256 * 1024 - 20) + "\"}").getBytes(StandardCharsets.UTF_8);
        assertThat(RawHttp.post(RestAssured.port, path, "application/json", under).status()).isEqualTo(400);
    }

    @Test
    void aBodyWithoutContentTypeIsA415SoNoCrossOriginFormCanPostJson() {
        String path = "/api/v1/clients/" + Api.newClientId("no-type") + "/journal-entries";
        assertThat(RawHttp.post(RestAssured.port, path, null, Api.entry("hello").getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(new RawHttp.Answer(415, Problem.MEDIA_TYPE));
    }

    @Test
    void everyAnswerCarriesNosniffAndClientDataIsNeverCached() {
        String clientId = Api.newClientId("headers");
        Api.accept(Api.ENTRIES, clientId, Api.entry("cache me not"));
        given().get(Api.ENTRIES, clientId).then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff").header("Cache-Control", "no-store");
        given().get(Api.ENTRIES, Api.newClientId("unknown")).then().statusCode(404)
                .header("X-Content-Type-Options", "nosniff").header("Cache-Control", "no-store");
    }

    static Stream<Arguments> invalidQueries() {
        return Stream.of(
                Arguments.of("limit=0", "limit", "must be an integer from 1 to 100"),
                Arguments.of("limit=101", "limit", "must be an integer from 1 to 100"),
                Arguments.of("limit=ten", "limit", "must be an integer from 1 to 100"),
                Arguments.of("limit=99999999999999999999", "limit", "must be an integer from 1 to 100"),
                Arguments.of("from=yesterday", "from", "ISO-8601"),
                Arguments.of("to=2026-01-31", "to", "ISO-8601"),
                // Used to be a 500: the year did not fit a MongoDB date.
                Arguments.of("from=%2B999999999-12-31T23:59:59Z", "from", "must be between years 0000 and 9999"),
                Arguments.of("to=-999999999-01-01T00:00:00Z", "to", "must be between years 0000 and 9999"),
                Arguments.of("cursor=!!!", "cursor", "must be the next value of a page of this listing"),
                Arguments.of("cursor=bm90LWEtY3Vyc29y", "cursor", "must be the next value of a page of this listing"),
                Arguments.of("cursor=OTk5OTk5OTk5OTk5OTk5OTk5OTk5OTk6eA", "cursor", "must be the next value of a page of this listing"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidQueries")
    void invalidQueryParameterIsA400NamingIt(String query, String field, String reason) {
        for (String path : List.of(Api.ENTRIES, Api.CONVERSATIONS)) {
            given().urlEncodingEnabled(false).get(path.replace("{clientId}", Api.newClientId("query")) + "?" + query)
                    .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                    .body("errors.field", hasItem(field))
                    .body("errors.find { it.field == '" + field + "' }.reason", containsString(reason));
        }
    }

    static Stream<String> invalidClientIds() {
        return Stream.of("has%20space", "x".repeat(65), "%3Cscript%3E", "%C3%A9t%C3%A9");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidClientIds")
    void invalidClientIdIsA400OnEveryEndpoint(String clientId) {
        String base = "/api/v1/clients/" + clientId;
        List<Response> responses = List.of(
                given().urlEncodingEnabled(false).contentType(ContentType.JSON).body(Api.entry("a")).post(base + "/journal-entries"),
                given().urlEncodingEnabled(false).contentType(ContentType.JSON).body(Api.conversation("hm")).post(base + "/conversations"),
                given().urlEncodingEnabled(false).get(base + "/journal-entries"),
                given().urlEncodingEnabled(false).get(base + "/conversations"),
                given().urlEncodingEnabled(false).get(base + "/journal-entries/some-id"),
                given().urlEncodingEnabled(false).get(base + "/consent"),
                given().urlEncodingEnabled(false).contentType(ContentType.JSON).body("{\"shareTextWithCoach\":true}").put(base + "/consent"),
                given().urlEncodingEnabled(false).delete(base));
        for (Response response : responses) {
            response.then().statusCode(400).contentType(Problem.MEDIA_TYPE).body("errors.field", hasItem("clientId"));
        }
    }

    private static Invalid entry(String name, String body, String field, String reason) {
        return new Invalid(name, Api.ENTRIES, body, Map.of(field, reason));
    }

    private static Invalid conversation(String name, String body, String field, String reason) {
        return new Invalid(name, Api.CONVERSATIONS, body, Map.of(field, reason));
    }

    private static String emotions(String items) {
        return "{\"text\":\"a\",\"emotions\":[" + items + "]}";
    }

    private static String body(String relationship, String clientSpeaker, String turns) {
        return "{\"relationship\":" + relationship + ",\"clientSpeaker\":" + clientSpeaker + ",\"turns\":[" + turns + "]}";
    }

    private static String turn(String speaker, String text) {
        return "{\"speaker\":\"" + speaker + "\",\"text\":\"" + text + "\"}";
    }

    private static String turns(int count) {
        return IntStream.range(0, count).mapToObj(i -> turn(i % 2 == 0 ? "Ann" : "Bob", "turn " + i))
                .collect(Collectors.joining(","));
    }
}
