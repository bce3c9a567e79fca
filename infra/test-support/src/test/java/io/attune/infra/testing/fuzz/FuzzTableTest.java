package io.attune.infra.testing.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import io.attune.infra.testing.attack.Endpoint;
import org.junit.jupiter.api.Test;

class FuzzTableTest {

    private static final String PROBLEM = "application/problem+json";
    private static final Operation POST = new Operation(Endpoint.of("POST /api/v1/clients/{clientId}/notes"),
            Map.of("clientId", "c-1"), "{\"text\":\"hello\",\"count\":3,\"on\":true,\"tags\":[\"a\"]}", "t", false,
            false);

    @Test
    void answersThatBreakTheRulesAreFindings() {
        assertThat(FuzzTable.defect(Expect.ANSWERED, new RawResponse(500, PROBLEM, "{}"))).contains("server error");
        assertThat(FuzzTable.defect(Expect.ANSWERED, new RawResponse(400, null, ""))).contains("Content-Type");
        assertThat(FuzzTable.defect(Expect.ANSWERED, new RawResponse(413, PROBLEM,
                "{\"type\":\"t\",\"title\":\"x\",\"status\":413}"))).contains("does not name the field");
        assertThat(FuzzTable.defect(Expect.status(414), new RawResponse(404, PROBLEM,
                "{\"type\":\"t\",\"title\":\"x\",\"status\":404}"))).contains("expected 414");
        assertThat(FuzzTable.defect(Expect.REFUSED, new RawResponse(202, "application/json", "{}")))
                .contains("expected a refusal");
        assertThat(FuzzTable.defect(Expect.ANSWERED, new RawResponse(404, PROBLEM,
                "{\"type\":\"t\",\"title\":\"x\",\"status\":400}"))).contains("status 400");
    }

    @Test
    void wellFormedProblemsAndSuccessesPass() {
        assertThat(FuzzTable.defect(Expect.status(400), new RawResponse(400, PROBLEM + ";charset=UTF-8",
                "{\"type\":\"t\",\"title\":\"x\",\"status\":400,\"errors\":[{\"field\":\"path\",\"reason\":\"r\"}]}")))
                .isNull();
        assertThat(FuzzTable.defect(Expect.ANSWERED, new RawResponse(404, PROBLEM,
                "{\"type\":\"t\",\"title\":\"x\",\"status\":404}"))).isNull();
        assertThat(FuzzTable.defect(Expect.ANSWERED, new RawResponse(200, "application/json", "{}"))).isNull();
    }

    @Test
    void eachMutationBreaksTheRequestWhereItSays() {
        Random random = new Random(1);
        Map<String, RawRequest> made = new HashMap<>();
        for (Mutation mutation : Mutations.all()) {
            if (mutation.appliesTo().test(POST)) {
                made.put(mutation.name(), mutation.make().apply(random, POST));
            }
        }
        assertThat(made.get("matrix parameter in the path").target()).startsWith("/api/v1/clients/c-1;");
        assertThat(made.get("path longer than 8 KB").target().length()).isGreaterThan(8 * 1024);
        assertThat(made.get("chunked body over 256 KB").chunked()).isTrue();
        assertThat(made.get("chunked body over 256 KB").body().length).isGreaterThan(Mutations.MAX_BODY_BYTES);
        String duplicate = new String(made.get("duplicate key").body(), StandardCharsets.UTF_8);
        assertThat(duplicate).contains("\"text\":\"hello\",\"text\":\"hello\"");
        assertThat(made.get("repeated Idempotency-Key").headers().stream()
                .filter(header -> header.getKey().equals("Idempotency-Key")).count()).isEqualTo(2);
        assertThat(made).doesNotContainKeys("limit not in ASCII digits", "bidirectional override in catalog text");
    }

    @Test
    void coverageFailsForAnEndpointWithoutAnOperation() {
        FuzzTable table = new FuzzTable().operation("GET /api/v1/a", Map.of(), null, "t");
        table.assertCovers(Set.of(Endpoint.of("GET /api/v1/a")));
        assertThatThrownBy(() -> table.assertCovers(Set.of(Endpoint.of("GET /api/v1/a"), Endpoint.of("GET /api/v1/b"))))
                .hasMessageContaining("GET /api/v1/b has no operation");
        assertThatThrownBy(() -> new Operation(Endpoint.of("GET /api/v1/{x}"), Map.of(), null, "t", false, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(List.of(POST.path("clientId", "z"))).containsExactly("/api/v1/clients/z/notes");
    }
}
