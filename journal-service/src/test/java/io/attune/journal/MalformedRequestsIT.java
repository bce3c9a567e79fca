package io.attune.journal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;

import io.attune.infra.testing.AttuneStackResource;
import io.attune.infra.testing.TestAuth;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * 1,000 malformed requests of many kinds, generated from a fixed seed so a failure is reproducible: not one may
 * be answered with a 5xx, and each must be a 4xx {@code application/problem+json}.
 */
@QuarkusTest
@QuarkusTestResource(AttuneStackResource.class)
class MalformedRequestsIT {

    @BeforeAll
    static void actAsTheTenantsApp() {
        TestAuth.actAsApp();
    }

    private static final long SEED = 20_260_126L;
    private static final int REQUESTS = 1_000;
    private static final String OVERSIZED = "oversized body";

    /** One malformed request: what kind of mistake it is, and how to send it. */
    record Malformed(String kind, String method, String path, String contentType, Map<String, String> headers, byte[] body) {
    }

    private final String clientId = Api.newClientId("malformed");
    private final Random random = new Random(SEED);

    @Test
    void thousandMalformedRequestsGetNo5xx() {
        List<Function<Random, Malformed>> generators = List.of(
                this::brokenJson, this::wrongType, this::missingField, this::unknownField, this::hugeString,
                this::badEnum, this::wrongContentType, this::badHeader, this::badQuery, this::badCursor,
                this::randomBytes, this::badDateOrLocale, this::badClientId, this::badConversation,
                this::badConsent, this::wrongMethod, this::oversizedBody);
        Map<String, Integer> perKind = new TreeMap<>();
        Map<String, List<Integer>> statusesPerKind = new TreeMap<>();
        List<String> failures = new ArrayList<>();

        for (int i = 0; i < REQUESTS; i++) {
            Malformed request = generators.get(random.nextInt(generators.size())).apply(random);
            if (request.kind().equals(OVERSIZED)) {
                RawHttp.Answer answer = RawHttp.post(RestAssured.port, request.path(), request.contentType(), request.body());
                perKind.merge(request.kind(), 1, Integer::sum);
                statusesPerKind.computeIfAbsent(request.kind(), k -> new ArrayList<>()).add(answer.status());
                if (answer.status() != 413 || !String.valueOf(answer.contentType()).startsWith("application/problem+json")) {
                    failures.add("#" + i + " " + request.kind() + " -> " + answer);
                }
                continue;
            }
            Response response = send(request);
            int status = response.statusCode();
            perKind.merge(request.kind(), 1, Integer::sum);
            statusesPerKind.computeIfAbsent(request.kind(), k -> new ArrayList<>()).add(status);
            if (status < 400 || status >= 500) {
                failures.add("#" + i + " " + request.kind() + " " + request.method() + " " + request.path() + " -> " + status);
            } else if (!String.valueOf(response.contentType()).startsWith("application/problem+json")) {
                failures.add("#" + i + " " + request.kind() + " -> " + status + " without a problem body: " + response.contentType());
            }
        }

        assertThat(failures).as("requests not answered with a 4xx problem").isEmpty();
        assertThat(statusesPerKind.values().stream().flatMap(List::stream).filter(s -> s >= 500)).isEmpty();
        // The generator really covered every kind of mistake.
        assertThat(perKind).hasSize(generators.size());
        assertThat(perKind.values()).allSatisfy(count -> assertThat(count).isGreaterThan(20));
    }

    private Response send(Malformed request) {
        // Send the bytes and the Content-Type exactly as generated: RestAssured would otherwise encode forms itself.
        EncoderConfig encoding = EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false);
        if (request.contentType() != null) {
            encoding = encoding.encodeContentTypeAs(request.contentType().split(";")[0], ContentType.BINARY);
        }
        RequestSpecification spec = given().config(RestAssured.config().encoderConfig(encoding))
                .urlEncodingEnabled(false).headers(request.headers());
        if (request.contentType() != null) {
            spec.contentType(request.contentType());
        }
        if (request.body() != null) {
            spec.body(request.body());
        }
        return spec.request(request.method(), request.path());
    }

    // --- generators, one per kind of mistake ---

    private Malformed brokenJson(Random r) {
        String valid = validEntry(r);
        String broken = switch (r.nextInt(5)) {
            case 0 -> valid.substring(0, 1 + r.nextInt(valid.length() - 1));
            case 1 -> valid.replaceFirst(":", "");
            case 2 -> valid.replace("\"", "'");
            case 3 -> valid + "}" + "]".repeat(r.nextInt(3));
            default -> insert(valid, String.valueOf("{}[],:\"\\".charAt(r.nextInt(8))));
        };
        return postJson("broken JSON", entries(), broken);
    }

    private Malformed wrongType(Random r) {
        String[] values = { "123", "true", "[]", "{}", "1.5", "\"7\"", "[\"a\"]", "-1e309" };
        String value = values[r.nextInt(values.length)];
        return switch (r.nextInt(4)) {
            case 0 -> postJson("wrong type", entries(), "{\"text\":" + (value.startsWith("\"") ? "{}" : value) + "}");
            case 1 -> postJson("wrong type", entries(), "{\"text\":\"a\",\"emotions\":[{\"label\":\"sad\",\"intensity\":"
                    + (value.equals("true") || value.startsWith("[") || value.startsWith("{") || value.startsWith("\"") ? value : "\"x\"") + "}]}");
            case 2 -> postJson("wrong type", entries(), "{\"text\":\"a\",\"emotions\":" + (value.startsWith("[") ? "\"sad\"" : value) + "}");
            default -> postJson("wrong type", conversations(), "{\"relationship\":\"friend\",\"clientSpeaker\":\"A\",\"turns\":"
                    + (value.startsWith("[") ? "[1,2]" : value) + "}");
        };
    }

    private Malformed missingField(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> postJson("missing field", entries(), "{\"emotions\":[{\"label\":\"sad\",\"intensity\":3}]}");
            case 1 -> postJson("missing field", entries(), "{\"text\":\"a\",\"emotions\":[{\"label\":\"sad\"}]}");
            case 2 -> postJson("missing field", conversations(), "{\"clientSpeaker\":\"A\",\"turns\":[" + turns(r, 2) + "]}");
            default -> postJson("missing field", conversations(), "{\"relationship\":\"friend\",\"clientSpeaker\":\"A\",\"turns\":[{\"speaker\":\"A\"},{\"text\":\"x\"}]}");
        };
    }

    private Malformed unknownField(Random r) {
        String field = "\"" + word(r, 1 + r.nextInt(12)) + "X\":" + (r.nextBoolean() ? "1" : "{\"nested\":[null]}");
        return r.nextBoolean()
                ? postJson("unknown field", entries(), "{\"text\":\"a\"," + field + "}")
                : postJson("unknown field", conversations(), "{\"relationship\":\"friend\",\"clientSpeaker\":\"A\",\"turns\":["
                        + "{\"speaker\":\"A\",\"text\":\"x\"},{\"speaker\":\"B\",\"text\":\"y\"," + field + "}]}");
    }

    private Malformed hugeString(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> postJson("huge string", entries(), "{\"text\":\"" + "h".repeat(20_001 + r.nextInt(50_000)) + "\"}");
            case 1 -> postJson("huge string", conversations(), "{\"relationship\":\"friend\",\"clientSpeaker\":\"A\",\"turns\":["
                    + "{\"speaker\":\"A\",\"text\":\"x\"},{\"speaker\":\"B\",\"text\":\"" + "y".repeat(2001 + r.nextInt(5000)) + "\"}]}");
            case 2 -> postJson("huge string", conversations(), "{\"relationship\":\"friend\",\"clientSpeaker\":\"A\",\"turns\":["
                    + "{\"speaker\":\"A\",\"text\":\"x\"},{\"speaker\":\"" + "s".repeat(41 + r.nextInt(500)) + "\",\"text\":\"y\"}]}");
            default -> postJson("huge string", entries(), "{\"text\":\"a\",\"emotions\":[{\"label\":\"" + "l".repeat(41 + r.nextInt(500))
                    + "\",\"intensity\":3}]}");
        };
    }

    private Malformed badEnum(Random r) {
        String value = r.nextBoolean() ? word(r, 1 + r.nextInt(10)) + "zz" : "SELF";
        return r.nextBoolean()
                ? postJson("bad enum", entries(), "{\"text\":\"a\",\"context\":\"" + value + "\"}")
                : postJson("bad enum", conversations(), "{\"relationship\":\"" + value + "\",\"clientSpeaker\":\"A\",\"turns\":[" + turns(r, 2) + "]}");
    }

    private Malformed wrongContentType(Random r) {
        String[] types = { "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                "garbage", "application/octet-stream", "image/png", "application/json-patch+json" };
        return new Malformed("wrong content type", "POST", r.nextBoolean() ? entries() : conversations(),
                types[r.nextInt(types.length)], Map.of(), validEntry(r).getBytes(StandardCharsets.UTF_8));
    }

    private Malformed badHeader(Random r) {
        Map<String, String> headers = new LinkedHashMap<>();
        switch (r.nextInt(3)) {
            case 0 -> headers.put("Idempotency-Key", "k".repeat(129 + r.nextInt(200)));
            case 1 -> headers.put("Idempotency-Key", "bad key " + r.nextInt());
            default -> headers.put("Accept", r.nextBoolean() ? "text/html" : "application/xml");
        }
        return new Malformed("bad header", "POST", r.nextBoolean() ? entries() : conversations(), "application/json", headers,
                (r.nextBoolean() ? validEntry(r) : validConversation(r)).getBytes(StandardCharsets.UTF_8));
    }

    private Malformed badQuery(Random r) {
        String[] queries = { "limit=0", "limit=-5", "limit=101", "limit=" + r.nextInt() + "x", "limit=1e3",
                "from=" + word(r, 8), "to=2026-13-45T99:00:00Z", "from=%2B999999999-12-31T23:59:59Z",
                "to=-999999999-01-01T00:00:00Z", "from=2026-01-01", "to=" + r.nextLong() };
        return get("bad query", (r.nextBoolean() ? entries() : conversations()) + "?" + queries[r.nextInt(queries.length)]);
    }

    private Malformed badCursor(Random r) {
        byte[] raw = new byte[1 + r.nextInt(40)];
        r.nextBytes(raw);
        String cursor = switch (r.nextInt(3)) {
            case 0 -> Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
            case 1 -> Base64.getUrlEncoder().withoutPadding().encodeToString((r.nextLong() + "9999999999:" + word(r, 5))
                    .getBytes(StandardCharsets.UTF_8));
            default -> "%21" + word(r, 6);
        };
        return get("bad cursor", (r.nextBoolean() ? entries() : conversations()) + "?cursor=" + cursor);
    }

    private Malformed randomBytes(Random r) {
        byte[] body = new byte[1 + r.nextInt(2000)];
        r.nextBytes(body);
        body[0] = (byte) (r.nextBoolean() ? '{' : body[0]);
        return new Malformed("random bytes", "POST", r.nextBoolean() ? entries() : conversations(), "application/json", Map.of(), body);
    }

    private Malformed badDateOrLocale(Random r) {
        String[] dates = { "yesterday", "2026-01-31T09:00:00", "2999-01-01T00:00:00Z", "-999999999-01-01T00:00:00Z",
                "+999999999-12-31T23:59:59Z", "1066-10-14T09:00:00Z", "2026-02-30T00:00:00Z" };
        String[] locales = { "EN", "en_GB", "english", "e", "", "en-", "12" };
        return r.nextBoolean()
                ? postJson("bad date or locale", entries(), "{\"text\":\"a\",\"occurredAt\":\"" + dates[r.nextInt(dates.length)] + "\"}")
                : postJson("bad date or locale", entries(), "{\"text\":\"a\",\"locale\":\"" + locales[r.nextInt(locales.length)] + "\"}");
    }

    private Malformed badClientId(Random r) {
        String[] ids = { "x".repeat(65 + r.nextInt(100)), "a%20b", "%C3%A9", "%3Cscript%3E", "a%2Cb", "%00" };
        String base = "/api/v1/clients/" + ids[r.nextInt(ids.length)];
        return switch (r.nextInt(4)) {
            case 0 -> new Malformed("bad client id", "POST", base + "/journal-entries", "application/json", Map.of(),
                    validEntry(r).getBytes(StandardCharsets.UTF_8));
            case 1 -> get("bad client id", base + "/conversations");
            case 2 -> get("bad client id", base + "/consent");
            default -> new Malformed("bad client id", "DELETE", base, null, Map.of(), null);
        };
    }

    private Malformed badConversation(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> postJson("bad conversation", conversations(), "{\"relationship\":\"friend\",\"clientSpeaker\":\"Nobody\",\"turns\":["
                    + turns(r, 2 + r.nextInt(10)) + "]}");
            case 1 -> postJson("bad conversation", conversations(), "{\"relationship\":\"friend\",\"clientSpeaker\":\"A\",\"turns\":["
                    + turns(r, r.nextInt(2)) + "]}");
            case 2 -> postJson("bad conversation", conversations(), "{\"relationship\":\"friend\",\"clientSpeaker\":\"A\",\"turns\":["
                    + turns(r, 51 + r.nextInt(30)) + "]}");
            default -> postJson("bad conversation", conversations(), "{\"relationship\":\"friend\",\"clientSpeaker\":\"A\",\"turns\":["
                    + "{\"speaker\":\"A\",\"text\":\"x\"},{\"speaker\":\"A\",\"text\":\"y\"}]}");
        };
    }

    private Malformed badConsent(Random r) {
        String[] bodies = { "{}", "{\"shareTextWithCoach\":\"yes\"}", "{\"shareTextWithCoach\":1}", "{\"shareTextWithCoach\":null}",
                "{\"shareTextWithCoach\":true,\"x\":1}", "[true]", "true", "{\"shareTextWithCoach\":" };
        return new Malformed("bad consent", "PUT", "/api/v1/clients/" + clientId + "/consent", "application/json", Map.of(),
                bodies[r.nextInt(bodies.length)].getBytes(StandardCharsets.UTF_8));
    }

    private Malformed wrongMethod(Random r) {
        String[][] calls = { { "PUT", entries() }, { "DELETE", entries() }, { "PATCH", conversations() },
                { "POST", "/api/v1/clients/" + clientId + "/consent" }, { "POST", "/api/v1/clients/" + clientId },
                { "PUT", entries() + "/some-id" } };
        String[] call = calls[r.nextInt(calls.length)];
        return new Malformed("wrong method", call[0], call[1], "application/json", Map.of(),
                validEntry(r).getBytes(StandardCharsets.UTF_8));
    }

    private Malformed oversizedBody(Random r) {
        // Just above the 256 KB limit: the service refuses it before reading it.
        return postJson(OVERSIZED, r.nextBoolean() ? entries() : conversations(),
                "{\"text\":\"" + "o".repeat(256 * 1024 + r.nextInt(10_000)) + "\"}");
    }

    // --- helpers ---

    private Malformed postJson(String kind, String path, String json) {
        return new Malformed(kind, "POST", path, "application/json", Map.of(), json.getBytes(StandardCharsets.UTF_8));
    }

    private static Malformed get(String kind, String pathAndQuery) {
        return new Malformed(kind, "GET", pathAndQuery, null, Map.of(), null);
    }

    private String entries() {
        return "/api/v1/clients/" + clientId + "/journal-entries";
    }

    private String conversations() {
        return "/api/v1/clients/" + clientId + "/conversations";
    }

    private static String validEntry(Random r) {
        return "{\"text\":\"" + word(r, 5 + r.nextInt(30)) + "\",\"emotions\":[{\"label\":\"calm\",\"intensity\":" + (1 + r.nextInt(10))
                + "}],\"context\":\"self\",\"locale\":\"en\"}";
    }

    private static String validConversation(Random r) {
        return "{\"relationship\":\"friend\",\"clientSpeaker\":\"A\",\"turns\":[" + turns(r, 2 + r.nextInt(5)) + "]}";
    }

    private static String turns(Random r, int count) {
        List<String> turns = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            turns.add("{\"speaker\":\"" + (i % 2 == 0 ? "A" : "B") + "\",\"text\":\"" + word(r, 3 + r.nextInt(20)) + "\"}");
        }
        return String.join(",", turns);
    }

    private static String word(Random r, int length) {
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < length; i++) {
            word.append((char) ('a' + r.nextInt(26)));
        }
        return word.toString();
    }

    /** Right after the opening brace, where no such character can be valid. */
    private static String insert(String text, String piece) {
        return text.charAt(0) + piece + text.substring(1);
    }
}
