package io.attune.journal;

import java.util.Map;

import io.attune.infra.testing.AttuneStackResource;
import io.attune.infra.testing.TestAuth;
import io.attune.infra.testing.TestTokens;
import io.attune.infra.testing.attack.EndpointInventory;
import io.attune.infra.testing.fuzz.FuzzTable;
import io.attune.journal.rest.MaterialResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

/**
 * The edge fuzz suite (docs/api.md, "Input rules") against every operation of journal-service: 1,000 requests
 * from a fixed seed, each breaking one input rule; no 5xx, a problem naming the field on every 4xx, the status
 * each rule calls for, and no stack trace in the logs.
 */
@QuarkusTest
@QuarkusTestResource(AttuneStackResource.class)
class EdgeFuzzIT {

    private static final long SEED = 20_261_202L;
    private static final String CLIENT = "fuzz-client-1";
    private static final String COACH = "fuzz-coach-1";

    @Test
    void everyEndpointHasAFuzzOperation() {
        table().assertCovers(EndpointInventory.of(MaterialResource.class));
    }

    @Test
    void everyBrokenRuleIsAProblemAndNothingIsLogged() {
        table().assertClean(RestAssured.port, SEED, 1_000);
    }

    private static FuzzTable table() {
        String app = TestTokens.app(TestAuth.TENANT);
        Map<String, String> client = Map.of("clientId", CLIENT);
        return new FuzzTable()
                .operation("POST /api/v1/clients/{clientId}/journal-entries", client, """
                        {"text":"I felt calm after the walk.","emotions":[{"label":"calm","intensity":6}],
                         "context":"self","occurredAt":"2026-01-31T09:00:00Z","locale":"en"}""", app)
                .operation("POST /api/v1/clients/{clientId}/conversations", client, """
                        {"relationship":"friend","clientSpeaker":"A","turns":[{"speaker":"A","text":"How was your day?"},
                         {"speaker":"B","text":"Long, but fine."}],"occurredAt":"2026-01-31T09:00:00Z","locale":"en"}""", app)
                .operation("GET /api/v1/clients/{clientId}/journal-entries/{id}", Map.of("clientId", CLIENT, "id", "entry-1"),
                        null, app)
                .operation("GET /api/v1/clients/{clientId}/conversations/{id}", Map.of("clientId", CLIENT, "id", "sample-1"),
                        null, app)
                .paged("GET /api/v1/clients/{clientId}/journal-entries", client, app)
                .paged("GET /api/v1/clients/{clientId}/conversations", client, app)
                .operation("GET /api/v1/clients/{clientId}/consent", client, null, app)
                .operation("PUT /api/v1/clients/{clientId}/consent", client, "{\"shareTextWithCoach\":true}", app)
                .paged("GET /api/v1/clients/{clientId}/audit", client, app)
                .operation("DELETE /api/v1/clients/{clientId}", client, null, app)
                .operation("PUT /api/v1/coaches/{coachId}/clients/{clientId}", Map.of("coachId", COACH, "clientId", CLIENT),
                        null, app)
                .operation("DELETE /api/v1/coaches/{coachId}/clients/{clientId}", Map.of("coachId", COACH, "clientId", CLIENT),
                        null, app)
                .operation("GET /api/v1/coaches/{coachId}/clients", Map.of("coachId", COACH), null, app)
                .operation("GET /internal/v1/clients/{clientId}/data-key", client, null, TestTokens.service());
    }
}
