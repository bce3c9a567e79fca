package io.attune.scoring;

import static io.attune.infra.testing.attack.Threat.ADMIN;
import static io.attune.infra.testing.attack.Threat.COACH_WITHOUT_CONSENT;
import static io.attune.infra.testing.attack.Threat.OTHER_CLIENT;
import static io.attune.infra.testing.attack.Threat.OTHER_TENANT_APP;
import static io.attune.infra.testing.attack.Threat.UNASSIGNED_COACH;

import java.util.UUID;

import io.attune.infra.testing.AttuneStackResource;
import io.attune.infra.testing.TestAuth;
import io.attune.infra.testing.attack.AttackTable;
import io.attune.infra.testing.attack.AttackTable.Mode;
import io.attune.infra.testing.attack.EndpointInventory;
import io.attune.infra.testing.attack.Http;
import io.attune.infra.testing.attack.Identity;
import io.attune.scoring.rest.AnalysisResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint of scoring-service against every threat of issue 10, as one table; see
 * docs/security.md (Attack suite). Scoring stores nothing and knows no client: an analysis scores the text the
 * caller sends, for a client or an app of any tenant, and for nobody else. A refusal must not echo the text.
 */
@QuarkusTest
@QuarkusTestResource(AttuneStackResource.class)
class AttackSuiteIT {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String SECRET = "violet harbour " + RUN;
    private static final String TENANT = TestAuth.TENANT;

    private static final Identity APP = Identity.app(TENANT);
    private static final Identity CLIENT = Identity.client(TENANT, "atk-client-" + RUN);

    /** The text a row sends; the secret goes only to callers who may send it, or must be refused. */
    record On(String words) implements AttackTable.Target {

        @Override
        public String clientId() {
            return null;
        }
    }

    @Test
    void everyEndpointHasARowForEveryThreat() {
        table().assertCovers(EndpointInventory.of(AnalysisResource.class));
    }

    @Test
    void noCallerReadsOrWritesWhatItMayNot() {
        table().assertNoBreach();
    }

    private static AttackTable<On> table() {
        On secret = new On("Remember the " + SECRET + "? That sucks! Just forget it.");
        On plain = new On("That sucks! Just forget it.");
        AttackTable<On> table = new AttackTable<>(SECRET);
        table.endpoint("POST /api/v1/analyses", Mode.WRITE,
                        (token, on) -> Http.post("/api/v1/analyses", token, conversation(on.words())))
                .tokenAttacks(APP, secret)
                // Another tenant's app and another client analyse their own words: nothing of ours is involved.
                .row(OTHER_TENANT_APP, Identity.app("other-tenant-" + RUN), plain, 200)
                .row(OTHER_CLIENT, Identity.client(TENANT, "atk-other-" + RUN), plain, 200)
                .row(UNASSIGNED_COACH, Identity.coach(TENANT, "coach-stranger-" + RUN), secret, 403)
                .row(COACH_WITHOUT_CONSENT, Identity.coach(TENANT, "coach-private-" + RUN), secret, 403)
                .row(ADMIN, Identity.admin(TENANT), secret, 403)
                .allowed(CLIENT, secret, 200)
                .allowed(APP, secret, 200);
        return table;
    }

    private static String conversation(String clientText) {
        return """
                {"kind":"conversation","relationship":"partner","clientSpeaker":"Steve","turns":[
                  {"speaker":"Ann","text":"My supervisor called me stupid again. I hate him!"},
                  {"speaker":"Steve","text":"%s"}]}""".formatted(clientText);
    }
}
