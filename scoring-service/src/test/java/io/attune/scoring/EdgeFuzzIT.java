package io.attune.scoring;

import java.util.Map;

import io.attune.infra.testing.AttuneStackResource;
import io.attune.infra.testing.TestAuth;
import io.attune.infra.testing.TestTokens;
import io.attune.infra.testing.attack.EndpointInventory;
import io.attune.infra.testing.fuzz.FuzzTable;
import io.attune.scoring.rest.AnalysisResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

/**
 * The edge fuzz suite (docs/api.md, "Input rules") against scoring-service: 1,000 malformed requests from a fixed
 * seed; no 5xx, a problem naming the field on every 4xx, the status each rule calls for, and no stack trace in
 * the logs.
 */
@QuarkusTest
@QuarkusTestResource(AttuneStackResource.class)
class EdgeFuzzIT {

    private static final long SEED = 20_261_202L;

    @Test
    void everyEndpointHasAFuzzOperation() {
        table().assertCovers(EndpointInventory.of(AnalysisResource.class));
    }

    @Test
    void everyBrokenRuleIsAProblemAndNothingIsLogged() {
        table().assertClean(RestAssured.port, SEED, 1_000);
    }

    private static FuzzTable table() {
        String app = TestTokens.app(TestAuth.TENANT);
        // Two operations of one endpoint: the two kinds of analysis have different fields to break.
        return new FuzzTable()
                .operation("POST /api/v1/analyses", Map.of(), """
                        {"kind":"conversation","relationship":"partner","clientSpeaker":"Steve","turns":[
                         {"speaker":"Ann","text":"My supervisor called me stupid again."},
                         {"speaker":"Steve","text":"That sounds hurtful. What happened?"}],"locale":"en"}""", app)
                .operation("POST /api/v1/analyses", Map.of(), """
                        {"kind":"journal","text":"I noticed my chest tighten before the meeting.",
                         "emotions":[{"label":"anxious","intensity":7}],"locale":"en"}""", app);
    }
}
