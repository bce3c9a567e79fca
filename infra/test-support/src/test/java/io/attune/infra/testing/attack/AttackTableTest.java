package io.attune.infra.testing.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import io.attune.infra.testing.attack.AttackTable.Mode;
import org.junit.jupiter.api.Test;

/** The suite's bookkeeping: what counts as an unauthorised read or write, and what is a proper refusal. */
class AttackTableTest {

    private static final String SECRET = "violet harbour";
    private static final String PROBLEM = "application/problem+json";
    private static final Identity APP = Identity.app("t");

    record On(String clientId) implements AttackTable.Target {
    }

    private static Answer problem(int status) {
        return new Answer(status, PROBLEM, status == 401 ? "Bearer" : null,
                "{\"type\":\"https://attune.io/problems/x\",\"title\":\"X\",\"status\":" + status
                        + ",\"detail\":\"no\"}");
    }

    @Test
    void aProperRefusalIsNoFinding() {
        AttackTable<On> table = new AttackTable<>(SECRET);
        table.endpoint("GET /c/{clientId}", Mode.READ, (token, on) -> problem(404))
                .row(Threat.OTHER_CLIENT, APP, new On("c1"), 404);
        AttackTable.Outcome outcome = table.run();
        assertEquals(0, outcome.unauthorisedReads());
        assertTrue(outcome.findings().isEmpty(), outcome.findings().toString());
    }

    @Test
    void aSuccessWhereARefusalWasExpectedIsAnUnauthorisedReadOrWrite() {
        AttackTable<On> table = new AttackTable<>(SECRET);
        table.endpoint("GET /c/{clientId}", Mode.READ, (token, on) -> new Answer(200, "application/json", null, "{}"))
                .row(Threat.OTHER_CLIENT, APP, new On("c1"), 404);
        table.endpoint("DELETE /c/{clientId}", Mode.WRITE, (token, on) -> new Answer(204, null, null, ""))
                .row(Threat.ADMIN, APP, new On("c1"), 403);
        AttackTable.Outcome outcome = table.run();
        assertEquals(1, outcome.unauthorisedReads());
        assertEquals(1, outcome.unauthorisedWrites());
    }

    @Test
    void theSecretInAnAnswerToACallerWhoMayNotReadWordsIsAnUnauthorisedRead() {
        AttackTable<On> table = new AttackTable<>(SECRET);
        Answer withWords = new Answer(200, "application/json", null, "{\"evidence\":\"a violet harbour\"}");
        table.endpoint("GET /c/{clientId}/r", Mode.READ, (token, on) -> withWords)
                .row(Threat.COACH_WITHOUT_CONSENT, APP, new On("c1"), 200)
                .allowed(APP, new On("c1"), 200);
        assertEquals(1, table.run().unauthorisedReads());
    }

    @Test
    void anOutsiderLearningOfTheClientIsAnUnauthorisedRead() {
        AttackTable<On> table = new AttackTable<>(SECRET);
        table.endpoint("GET /r", Mode.READ, (token, on) -> new Answer(200, "application/json", null, "[\"c1\"]"))
                .row(Threat.OTHER_TENANT_APP, APP, new On("c1"), 200);
        assertEquals(1, table.run().unauthorisedReads());
    }

    @Test
    void aRefusedWriteThatChangedStateIsAnUnauthorisedWrite() {
        AtomicInteger state = new AtomicInteger();
        AttackTable<On> table = new AttackTable<>(SECRET);
        table.endpoint("PUT /c/{clientId}", Mode.WRITE, (token, on) -> {
            state.incrementAndGet();
            return problem(403);
        }).state(on -> state.get()).row(Threat.ADMIN, APP, new On("c1"), 403);
        assertEquals(1, table.run().unauthorisedWrites());
    }

    @Test
    void tokenAttacksSendAForgedOrMissingToken() {
        AttackTable<On> table = new AttackTable<>(SECRET);
        table.endpoint("GET /c/{clientId}", Mode.READ, (token, on) -> token == null ? problem(401)
                : new Answer(401, PROBLEM, null, "{}")).tokenAttacks(APP, new On("c1"));
        AttackTable.Outcome outcome = table.run();
        // The three forged tokens get an answer without WWW-Authenticate and without problem fields.
        assertEquals(3, outcome.findings().size(), outcome.findings().toString());
    }

    @Test
    void refusalsMustBeProblems() {
        assertNull(AttackTable.problemDefect(problem(403)));
        assertNull(AttackTable.problemDefect(new Answer(500, "text/plain", null, "boom")));
        assertTrue(AttackTable.problemDefect(new Answer(404, "application/json", null, "{}")).contains("Content-Type"));
        assertTrue(AttackTable.problemDefect(new Answer(401, PROBLEM, null, problem(401).body()))
                .contains("WWW-Authenticate"));
        assertTrue(AttackTable.problemDefect(new Answer(403, PROBLEM, null, problem(404).body())).contains("status"));
    }

    @Test
    void coverageNeedsEveryThreatAndASuccessPerEndpoint() {
        AttackTable<On> table = new AttackTable<>(SECRET);
        AttackTable<On>.EndpointRows rows = table.endpoint("GET /c/{clientId}", Mode.READ, (token, on) -> problem(404))
                .tokenAttacks(APP, new On("c1"));
        for (Threat threat : Set.of(Threat.OTHER_TENANT_APP, Threat.OTHER_CLIENT, Threat.UNASSIGNED_COACH,
                Threat.COACH_WITHOUT_CONSENT, Threat.ADMIN)) {
            rows.row(threat, APP, new On("c1"), 404);
        }
        Set<Endpoint> inventory = Set.of(Endpoint.of("GET /c/{clientId}"));
        AssertionError noSuccess = assertThrows(AssertionError.class, () -> table.assertCovers(inventory));
        assertTrue(noSuccess.getMessage().contains("no row in which the right caller succeeds"));

        rows.allowed(APP, new On("c1"), 200);
        table.assertCovers(inventory);

        AssertionError newEndpoint = assertThrows(AssertionError.class, () -> table.assertCovers(
                Set.of(Endpoint.of("GET /c/{clientId}"), Endpoint.of("POST /c/{clientId}/new"))));
        assertTrue(newEndpoint.getMessage().contains("POST /c/{clientId}/new has no row for"));
    }

    @Test
    void pathTemplatesAreNormalised() {
        assertEquals("/api/v1/x/{id}", Endpoint.of("get /api//v1/x/{id: [0-9]+}/").template());
        assertEquals("GET", Endpoint.of("get /x").method());
    }
}
