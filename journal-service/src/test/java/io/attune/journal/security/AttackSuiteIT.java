package io.attune.journal.security;

import static io.attune.infra.testing.attack.Threat.ADMIN;
import static io.attune.infra.testing.attack.Threat.COACH_WITHOUT_CONSENT;
import static io.attune.infra.testing.attack.Threat.LEGITIMATE;
import static io.attune.infra.testing.attack.Threat.OTHER_CLIENT;
import static io.attune.infra.testing.attack.Threat.OTHER_TENANT_APP;
import static io.attune.infra.testing.attack.Threat.ROLE_NOT_ALLOWED;
import static io.attune.infra.testing.attack.Threat.UNASSIGNED_COACH;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;

import jakarta.inject.Inject;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.attune.infra.testing.AttuneStackResource;
import io.attune.infra.testing.TestAuth;
import io.attune.infra.testing.attack.Answer;
import io.attune.infra.testing.attack.AttackTable;
import io.attune.infra.testing.attack.AttackTable.Mode;
import io.attune.infra.testing.attack.EndpointInventory;
import io.attune.infra.testing.attack.Http;
import io.attune.infra.testing.attack.Identity;
import io.attune.journal.rest.MaterialResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint of journal-service against every threat of issue 10 (forged or missing tokens, another tenant,
 * another client, an unassigned coach, a coach without consent, an admin), as one table; see
 * docs/security.md (Attack suite). The clients' words carry a secret phrase that no refused answer, and no answer
 * to a caller who may not read words, may contain.
 */
@QuarkusTest
@QuarkusTestResource(AttuneStackResource.class)
class AttackSuiteIT {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String SECRET = "violet harbour " + RUN;
    private static final String TENANT = TestAuth.TENANT;
    private static final String OTHER_TENANT = "other-tenant-" + RUN;

    /** Consents to share their words with their coach. */
    private static final String OPEN = "atk-open-" + RUN;
    /** Does not consent. */
    private static final String PRIVATE = "atk-private-" + RUN;
    /** Another client of the same tenant. */
    private static final String OTHER = "atk-other-" + RUN;
    /** Takes the legitimate writes that would spoil the others' fixtures (erasure, consent, assignments). */
    private static final String SPARE = "atk-spare-" + RUN;
    private static final String COACH_OPEN = "coach-open-" + RUN;
    private static final String COACH_PRIVATE = "coach-private-" + RUN;
    private static final String STRANGER = "coach-stranger-" + RUN;

    private static final Identity APP = Identity.app(TENANT);
    private static final Identity OTHER_APP = Identity.app(OTHER_TENANT);
    private static final Identity OPEN_CLIENT = Identity.client(TENANT, OPEN);
    private static final Identity OTHER_CLIENT_ID = Identity.client(TENANT, OTHER);
    private static final Identity SPARE_CLIENT = Identity.client(TENANT, SPARE);
    private static final Identity OPEN_COACH = Identity.coach(TENANT, COACH_OPEN);
    private static final Identity PRIVATE_COACH = Identity.coach(TENANT, COACH_PRIVATE);
    private static final Identity UNASSIGNED = Identity.coach(TENANT, STRANGER);
    private static final Identity ADMIN_ID = Identity.admin(TENANT);
    private static final Identity SERVICE = Identity.service();

    /** A row's subject: the client, one of their entries or samples, and a coach for the assignment endpoints. */
    record On(String clientId, String itemId, String coachId, boolean consented) implements AttackTable.Target {
    }

    /** Ids of the fixture material, filled in by {@link #plantMaterial()}. */
    private static final String[] ENTRY = new String[2];
    private static final String[] SAMPLE = new String[2];

    @Inject
    MongoClient mongo;

    @Test
    void everyEndpointHasARowForEveryThreat() {
        table().assertCovers(EndpointInventory.of(MaterialResource.class));
    }

    @Test
    void noCallerReadsOrWritesWhatItMayNot() {
        plantMaterial();
        table().assertNoBreach();
    }

    private void plantMaterial() {
        String app = APP.token();
        int i = 0;
        for (String clientId : List.of(OPEN, PRIVATE)) {
            ENTRY[i] = accepted(Http.post(entries(clientId), app, entry()));
            SAMPLE[i] = accepted(Http.post(conversations(clientId), app, conversation()));
            i++;
        }
        accepted(Http.post(entries(OTHER), app, entry()));
        accepted(Http.post(entries(SPARE), app, entry()));
        assertThat(Http.put(consent(OPEN), app, "{\"shareTextWithCoach\":true}").status()).isEqualTo(200);
        assertThat(Http.put(consent(PRIVATE), app, "{\"shareTextWithCoach\":false}").status()).isEqualTo(200);
        assertThat(Http.put(assignment(COACH_OPEN, OPEN), app, null).status()).isEqualTo(204);
        assertThat(Http.put(assignment(COACH_PRIVATE, PRIVATE), app, null).status()).isEqualTo(204);
    }

    private AttackTable<On> table() {
        On open = new On(OPEN, ENTRY[0], STRANGER, true);
        On closed = new On(PRIVATE, ENTRY[1], STRANGER, false);
        On openSample = new On(OPEN, SAMPLE[0], STRANGER, true);
        On closedSample = new On(PRIVATE, SAMPLE[1], STRANGER, false);
        On spare = new On(SPARE, null, "coach-spare-" + RUN, false);
        AttackTable<On> table = new AttackTable<>(SECRET);

        // The client's words: the client, its app and a consented, assigned coach only.
        textRead(table, "GET /api/v1/clients/{clientId}/journal-entries", open, closed,
                (token, on) -> Http.get(entries(on.clientId()), token));
        textRead(table, "GET /api/v1/clients/{clientId}/conversations", open, closed,
                (token, on) -> Http.get(conversations(on.clientId()), token));
        textRead(table, "GET /api/v1/clients/{clientId}/journal-entries/{id}", open, closed,
                (token, on) -> Http.get(entries(on.clientId()) + "/" + on.itemId(), token))
                // Another client cannot reach someone else's entry through their own path either.
                .row(OTHER_CLIENT, OTHER_CLIENT_ID, new On(OTHER, ENTRY[0], null, false), 404);
        textRead(table, "GET /api/v1/clients/{clientId}/conversations/{id}", openSample, closedSample,
                (token, on) -> Http.get(conversations(on.clientId()) + "/" + on.itemId(), token))
                .row(OTHER_CLIENT, OTHER_CLIENT_ID, new On(OTHER, SAMPLE[0], null, false), 404);

        // Intake: the client and its app only. The attempts carry the secret, which no refusal may echo.
        submit(table, "POST /api/v1/clients/{clientId}/journal-entries", "journal_entries", open, closed,
                (token, on) -> Http.post(entries(on.clientId()), token, entry()));
        submit(table, "POST /api/v1/clients/{clientId}/conversations", "conversations", open, closed,
                (token, on) -> Http.post(conversations(on.clientId()), token, conversation()));

        // Consent: a coach may see whether words are shared, never change it (nor grant it to themselves).
        table.endpoint("GET /api/v1/clients/{clientId}/consent", Mode.READ,
                        (token, on) -> Http.get(consent(on.clientId()), token))
                .tokenAttacks(APP, open)
                .row(OTHER_TENANT_APP, OTHER_APP, open, 404)
                .row(OTHER_CLIENT, OTHER_CLIENT_ID, open, 404)
                .row(UNASSIGNED_COACH, UNASSIGNED, open, 404)
                .row(COACH_WITHOUT_CONSENT, PRIVATE_COACH, closed, 200)
                .row(ADMIN, ADMIN_ID, open, 403)
                .row(LEGITIMATE, OPEN_CLIENT, open, 200)
                .row(LEGITIMATE, APP, open, 200)
                .row(LEGITIMATE, OPEN_COACH, open, 200);
        table.endpoint("PUT /api/v1/clients/{clientId}/consent", Mode.WRITE,
                        (token, on) -> Http.put(consent(on.clientId()), token,
                                "{\"shareTextWithCoach\":" + !on.consented() + "}"))
                .state(this::access)
                .tokenAttacks(APP, open)
                .row(OTHER_TENANT_APP, OTHER_APP, open, 404)
                .row(OTHER_CLIENT, OTHER_CLIENT_ID, open, 404)
                .row(UNASSIGNED_COACH, UNASSIGNED, open, 403)
                .row(COACH_WITHOUT_CONSENT, PRIVATE_COACH, closed, 403)
                .row(ADMIN, ADMIN_ID, open, 403)
                .row(ADMIN, ADMIN_ID, closed, 403)
                .row(ROLE_NOT_ALLOWED, OPEN_COACH, open, 403)
                .row(LEGITIMATE, SPARE_CLIENT, spare, 200)
                .row(LEGITIMATE, APP, spare, 200);

        // The audit trail says who read the words, never the words; coaches do not read it.
        table.endpoint("GET /api/v1/clients/{clientId}/audit", Mode.READ,
                        (token, on) -> Http.get(base(on.clientId()) + "/audit", token))
                .tokenAttacks(APP, open)
                .row(OTHER_TENANT_APP, OTHER_APP, open, 404)
                .row(OTHER_CLIENT, OTHER_CLIENT_ID, open, 404)
                .row(UNASSIGNED_COACH, UNASSIGNED, open, 403)
                .row(COACH_WITHOUT_CONSENT, PRIVATE_COACH, closed, 403)
                .row(ADMIN, ADMIN_ID, open, 403)
                .row(ROLE_NOT_ALLOWED, OPEN_COACH, open, 403)
                .row(LEGITIMATE, OPEN_CLIENT, open, 200)
                .row(LEGITIMATE, APP, open, 200);

        // Erasure: the client or its app; the legitimate erasure is of the spare client, after its other rows.
        table.endpoint("DELETE /api/v1/clients/{clientId}", Mode.WRITE,
                        (token, on) -> Http.delete(base(on.clientId()), token))
                .state(this::everything)
                .tokenAttacks(APP, open)
                .row(OTHER_TENANT_APP, OTHER_APP, open, 404)
                .row(OTHER_CLIENT, OTHER_CLIENT_ID, open, 404)
                .row(UNASSIGNED_COACH, UNASSIGNED, open, 403)
                .row(COACH_WITHOUT_CONSENT, PRIVATE_COACH, closed, 403)
                .row(ROLE_NOT_ALLOWED, OPEN_COACH, open, 403)
                .row(ADMIN, ADMIN_ID, open, 403);

        // Coach assignments: the tenant's app or admin. A coach cannot assign themselves, nor drop a colleague.
        On openIntruder = new On(OPEN, null, STRANGER, true);
        On closedIntruder = new On(PRIVATE, null, STRANGER, false);
        table.endpoint("PUT /api/v1/coaches/{coachId}/clients/{clientId}", Mode.WRITE,
                        (token, on) -> Http.put(assignment(on.coachId(), on.clientId()), token, null))
                .state(this::access)
                .tokenAttacks(APP, openIntruder)
                .row(OTHER_TENANT_APP, OTHER_APP, openIntruder, 404)
                .row(OTHER_CLIENT, OTHER_CLIENT_ID, openIntruder, 403)
                .row(ROLE_NOT_ALLOWED, OPEN_CLIENT, openIntruder, 403)
                .row(UNASSIGNED_COACH, UNASSIGNED, openIntruder, 403)
                .row(COACH_WITHOUT_CONSENT, PRIVATE_COACH, closedIntruder, 403)
                .row(ROLE_NOT_ALLOWED, OPEN_COACH, openIntruder, 403)
                .row(ADMIN, ADMIN_ID, spare, 204)
                .row(LEGITIMATE, APP, spare, 204);
        On openCoach = new On(OPEN, null, COACH_OPEN, true);
        On closedCoach = new On(PRIVATE, null, COACH_PRIVATE, false);
        table.endpoint("DELETE /api/v1/coaches/{coachId}/clients/{clientId}", Mode.WRITE,
                        (token, on) -> Http.delete(assignment(on.coachId(), on.clientId()), token))
                .state(this::access)
                .tokenAttacks(APP, openCoach)
                .row(OTHER_TENANT_APP, OTHER_APP, openCoach, 404)
                .row(OTHER_CLIENT, OTHER_CLIENT_ID, openCoach, 403)
                .row(ROLE_NOT_ALLOWED, OPEN_CLIENT, openCoach, 403)
                .row(UNASSIGNED_COACH, UNASSIGNED, openCoach, 403)
                .row(COACH_WITHOUT_CONSENT, PRIVATE_COACH, closedCoach, 403)
                .row(ROLE_NOT_ALLOWED, OPEN_COACH, openCoach, 403)
                .row(ADMIN, ADMIN_ID, spare, 204)
                .row(LEGITIMATE, APP, spare, 204);

        // Rosters: a coach their own, the tenant's app and admin any coach's, and only within their tenant.
        table.endpoint("GET /api/v1/coaches/{coachId}/clients", Mode.READ,
                        (token, on) -> Http.get("/api/v1/coaches/" + on.coachId() + "/clients", token))
                .tokenAttacks(APP, openCoach)
                .row(OTHER_TENANT_APP, OTHER_APP, openCoach, 200)
                .row(OTHER_CLIENT, OTHER_CLIENT_ID, openCoach, 403)
                .row(ROLE_NOT_ALLOWED, OPEN_CLIENT, openCoach, 403)
                .row(UNASSIGNED_COACH, UNASSIGNED, openCoach, 403)
                .row(COACH_WITHOUT_CONSENT, PRIVATE_COACH, closedCoach, 200)
                .row(ADMIN, ADMIN_ID, openCoach, 200)
                .row(LEGITIMATE, OPEN_COACH, openCoach, 200)
                .row(LEGITIMATE, APP, openCoach, 200);

        // A client's data key (wrapped): the other services only; no client-facing role, whoever the client is.
        table.endpoint("GET /internal/v1/clients/{clientId}/data-key", Mode.READ,
                        (token, on) -> Http.get("/internal/v1/clients/" + on.clientId() + "/data-key", token))
                .tokenAttacks(SERVICE, open)
                .row(OTHER_TENANT_APP, OTHER_APP, open, 403)
                .row(OTHER_CLIENT, OTHER_CLIENT_ID, open, 403)
                .row(UNASSIGNED_COACH, UNASSIGNED, open, 403)
                .row(COACH_WITHOUT_CONSENT, PRIVATE_COACH, closed, 403)
                .row(ADMIN, ADMIN_ID, open, 403)
                .row(ROLE_NOT_ALLOWED, OPEN_CLIENT, open, 403)
                .row(ROLE_NOT_ALLOWED, APP, open, 403)
                .row(ROLE_NOT_ALLOWED, OPEN_COACH, open, 403)
                .row(LEGITIMATE, SERVICE, open, 200)
                .row(LEGITIMATE, SERVICE, new On("atk-never-" + RUN, null, null, false), 404);

        // Last, as it removes the spare client: the client erasing themself.
        table.endpoint("DELETE /api/v1/clients/{clientId}", Mode.WRITE,
                        (token, on) -> Http.delete(base(on.clientId()), token))
                .row(LEGITIMATE, SPARE_CLIENT, spare, 202);
        return table;
    }

    /** The rows of an endpoint that returns the client's words. */
    private static AttackTable<On>.EndpointRows textRead(AttackTable<On> table, String spec, On open, On closed,
            BiFunction<String, On, Answer> request) {
        return table.endpoint(spec, Mode.READ, request)
                .tokenAttacks(APP, open)
                .row(OTHER_TENANT_APP, OTHER_APP, open, 404)
                .row(OTHER_CLIENT, OTHER_CLIENT_ID, open, 404)
                .row(UNASSIGNED_COACH, UNASSIGNED, open, 404)
                .row(COACH_WITHOUT_CONSENT, PRIVATE_COACH, closed, 403)
                .row(ADMIN, ADMIN_ID, open, 403)
                .allowed(OPEN_CLIENT, open, 200)
                .allowed(APP, open, 200)
                .allowed(OPEN_COACH, open, 200);
    }

    /** The rows of an intake endpoint; a refused one must not add material. */
    private AttackTable<On>.EndpointRows submit(AttackTable<On> table, String spec, String collection, On open,
            On closed, BiFunction<String, On, Answer> request) {
        return table.endpoint(spec, Mode.WRITE, request)
                .state(on -> db().getCollection(collection).countDocuments(Filters.eq("clientId", on.clientId())))
                .tokenAttacks(APP, open)
                .row(OTHER_TENANT_APP, OTHER_APP, open, 404)
                .row(OTHER_CLIENT, OTHER_CLIENT_ID, open, 404)
                .row(UNASSIGNED_COACH, UNASSIGNED, open, 403)
                .row(COACH_WITHOUT_CONSENT, PRIVATE_COACH, closed, 403)
                .row(ROLE_NOT_ALLOWED, OPEN_COACH, open, 403)
                .row(ADMIN, ADMIN_ID, open, 403)
                .allowed(OPEN_CLIENT, open, 202)
                .allowed(APP, open, 202);
    }

    /** Who may see the client, as journal-service decides it (the relay's own bookkeeping left out). */
    private Object access(On on) {
        Document doc = db().getCollection("clients").find(Filters.eq("_id", on.clientId())).first();
        if (doc == null) {
            return null;
        }
        return List.of(String.valueOf(doc.get("tenant")), String.valueOf(doc.get("coaches")),
                String.valueOf(doc.get("shareTextWithCoach")), String.valueOf(doc.get("consentUpdatedAt")),
                String.valueOf(doc.get("accessSeq")));
    }

    /** Everything an erasure would remove. */
    private Object everything(On on) {
        return List.of(String.valueOf(access(on)),
                db().getCollection("journal_entries").countDocuments(Filters.eq("clientId", on.clientId())),
                db().getCollection("conversations").countDocuments(Filters.eq("clientId", on.clientId())));
    }

    private MongoDatabase db() {
        return mongo.getDatabase("attune-journal");
    }

    private static String accepted(Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        return JsonPath.from(answer.body()).getString("id");
    }

    private static String entry() {
        return "{\"text\":\"I told nobody about the " + SECRET + " and felt ashamed.\"}";
    }

    private static String conversation() {
        return """
                {"relationship":"partner","clientSpeaker":"Steve","turns":[
                  {"speaker":"Ann","text":"My supervisor called me stupid again."},
                  {"speaker":"Steve","text":"Remember the %s? Just forget it."}]}""".formatted(SECRET);
    }

    private static String base(String clientId) {
        return "/api/v1/clients/" + clientId;
    }

    private static String entries(String clientId) {
        return base(clientId) + "/journal-entries";
    }

    private static String conversations(String clientId) {
        return base(clientId) + "/conversations";
    }

    private static String consent(String clientId) {
        return base(clientId) + "/consent";
    }

    private static String assignment(String coachId, String clientId) {
        return "/api/v1/coaches/" + coachId + "/clients/" + clientId;
    }
}
