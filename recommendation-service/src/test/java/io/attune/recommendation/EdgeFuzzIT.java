package io.attune.recommendation;

import java.util.Map;

import io.attune.infra.testing.AttuneStackResource;
import io.attune.infra.testing.TestAuth;
import io.attune.infra.testing.TestTokens;
import io.attune.infra.testing.attack.EndpointInventory;
import io.attune.infra.testing.fuzz.FuzzTable;
import io.attune.recommendation.rest.RecommendationResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

/**
 * The edge fuzz suite (docs/api.md, "Input rules") against every operation of recommendation-service: 1,000
 * malformed requests from a fixed seed; no 5xx, a problem naming the field on every 4xx, the status each rule
 * calls for (bidirectional controls refused in catalog text), and no stack trace in the logs.
 */
@QuarkusTest
@QuarkusTestResource(AttuneStackResource.class)
class EdgeFuzzIT {

    private static final long SEED = 20_261_202L;
    private static final String CLIENT = "fuzz-client-1";
    private static final String EXERCISE = """
            {"title":"Name the feeling","instructions":"Once a day, write one sentence naming what you feel.",
             "durationMinutes":5,"targetDimensions":["emotional-awareness"],"contexts":["self"],
             "contraindications":["acute crisis"],"source":"Attune team"}""";

    @Test
    void everyEndpointHasAFuzzOperation() {
        table().assertCovers(EndpointInventory.of(RecommendationResource.class));
    }

    @Test
    void everyBrokenRuleIsAProblemAndNothingIsLogged() {
        table().assertClean(RestAssured.port, SEED, 1_000);
    }

    private static FuzzTable table() {
        String app = TestTokens.app(TestAuth.TENANT);
        String admin = TestTokens.admin(TestAuth.TENANT);
        String coach = TestTokens.coach(TestAuth.TENANT, "fuzz-coach-1");
        Map<String, String> client = Map.of("clientId", CLIENT);
        return new FuzzTable()
                .operation("GET /api/v1/admin/exercises", Map.of(), null, admin)
                .operation("GET /api/v1/admin/exercises/{id}", Map.of("id", "name-the-feeling"), null, admin)
                .catalog("POST /api/v1/admin/exercises", Map.of(),
                        "{\"id\":\"fuzz-exercise\",\"exercise\":" + EXERCISE + "}", admin)
                .catalog("PUT /api/v1/admin/exercises/{id}", Map.of("id", "fuzz-exercise"), EXERCISE, admin)
                .paged("GET /api/v1/clients/{clientId}/recommendations", client, app)
                .operation("GET /api/v1/clients/{clientId}/recommendations/{id}", Map.of("clientId", CLIENT, "id", "rec-1"),
                        null, app)
                .operation("POST /api/v1/clients/{clientId}/recommendations/{id}/feedback",
                        Map.of("clientId", CLIENT, "id", "rec-1"),
                        "{\"status\":\"completed\",\"helpful\":4,\"note\":\"It helped a little.\"}", app)
                .operation("GET /api/v1/clients/{clientId}/recommendations/stream", client, null, app)
                .operation("GET /api/v1/clients/{clientId}/profile", client, null, app)
                .operation("GET /api/v1/clients/{clientId}/alerts", client, null, app)
                .operation("POST /api/v1/clients/{clientId}/alerts/{alertId}/acknowledgement",
                        Map.of("clientId", CLIENT, "alertId", "alert-1"), null, coach)
                // The coach dashboard: API-style callers (no text/html in Accept) get the API's problems.
                .operation("GET /dashboard", Map.of(), null, coach)
                .operation("POST /dashboard/sign-in", Map.of(), null, coach)
                .operation("POST /dashboard/sign-out", Map.of(), null, coach)
                .operation("GET /dashboard/clients/{clientId}", client, null, coach)
                .operation("GET /dashboard/clients/{clientId}/alerts", client, null, coach)
                .operation("POST /dashboard/clients/{clientId}/alerts/{alertId}/acknowledgement",
                        Map.of("clientId", CLIENT, "alertId", "alert-1"), null, coach)
                .operation("GET /dashboard/clients/{clientId}/recommendations", client, null, coach)
                .operation("GET /dashboard/clients/{clientId}/trends", client, null, coach)
                .operation("GET /dashboard/clients/{clientId}/chart", client, null, coach)
                .operation("GET /dashboard/clients/{clientId}/assessments/{assessmentId}",
                        Map.of("clientId", CLIENT, "assessmentId", "assessment-1"), null, coach)
                .operation("GET /dashboard/clients/{clientId}/assessments/{assessmentId}/words",
                        Map.of("clientId", CLIENT, "assessmentId", "assessment-1"), null, coach)
                .operation("GET /dashboard/clients/{clientId}/events", client, null, coach);
    }
}
