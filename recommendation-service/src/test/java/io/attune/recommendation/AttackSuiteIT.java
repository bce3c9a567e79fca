package io.attune.recommendation;

import static io.attune.infra.testing.attack.Threat.ADMIN;
import static io.attune.infra.testing.attack.Threat.COACH_WITHOUT_CONSENT;
import static io.attune.infra.testing.attack.Threat.LEGITIMATE;
import static io.attune.infra.testing.attack.Threat.OTHER_CLIENT;
import static io.attune.infra.testing.attack.Threat.OTHER_TENANT_APP;
import static io.attune.infra.testing.attack.Threat.ROLE_NOT_ALLOWED;
import static io.attune.infra.testing.attack.Threat.UNASSIGNED_COACH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
import io.attune.recommendation.rest.RecommendationResource;
import io.attune.recommendation.store.AlertStore;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint of recommendation-service against every threat of issue 10, as one table; see
 * docs/security.md (Attack suite). The clients' words (the evidence their recommendations quote, and the note of
 * their feedback) carry a secret phrase that no refused answer, and no answer to a coach without consent, may
 * contain.
 */
@QuarkusTest
@QuarkusTestResource(AttuneStackResource.class)
class AttackSuiteIT {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String SECRET = "violet harbour " + RUN;
    private static final String TENANT = TestAuth.TENANT;
    private static final String OTHER_TENANT = "other-tenant-" + RUN;
    private static final Duration WAIT = Duration.ofSeconds(60);

    private static final String OPEN = "atk-open-" + RUN;
    private static final String PRIVATE = "atk-private-" + RUN;
    private static final String OTHER = "atk-other-" + RUN;
    private static final String COACH_OPEN = "coach-open-" + RUN;
    private static final String COACH_PRIVATE = "coach-private-" + RUN;
    private static final String STRANGER = "coach-stranger-" + RUN;
    /** Created by the admin row of the catalog's POST, changed by its PUT, and removed at the end. */
    private static final String EXERCISE = "atk-exercise-" + RUN;
    private static final String SEEDED_EXERCISE = "avoid-multitasking";

    private static final Identity APP = Identity.app(TENANT);
    private static final Identity OTHER_APP = Identity.app(OTHER_TENANT);
    private static final Identity OPEN_CLIENT = Identity.client(TENANT, OPEN);
    private static final Identity OTHER_CLIENT_ID = Identity.client(TENANT, OTHER);
    private static final Identity OPEN_COACH = Identity.coach(TENANT, COACH_OPEN);
    private static final Identity PRIVATE_COACH = Identity.coach(TENANT, COACH_PRIVATE);
    private static final Identity UNASSIGNED = Identity.coach(TENANT, STRANGER);
    private static final Identity ADMIN_ID = Identity.admin(TENANT);

    /** A row's subject: the client, and a recommendation, alert or exercise id. */
    record On(String clientId, String itemId) implements AttackTable.Target {
    }

    /** Recommendations and alerts of the open client [0] and the private one [1], made by {@link #plant()}. */
    private static final String[] FIRST = new String[2];
    private static final String[] SECOND = new String[2];
    private static final String[] ALERT = new String[2];
    /** The assessments (scores) behind them, as the dashboard shows them. */
    private static final String[] SCORE = new String[2];

    @Inject
    MongoClient mongo;

    @Inject
    AlertStore alerts;

    @Test
    void everyEndpointHasARowForEveryThreat() {
        table().assertCovers(EndpointInventory.of(RecommendationResource.class));
    }

    @Test
    void noCallerReadsOrWritesWhatItMayNot() {
        plant();
        try {
            table().assertNoBreach();
        } finally {
            db().getCollection("exercises").deleteOne(Filters.eq("_id", EXERCISE));
        }
    }

    /**
     * Both clients get recommendations whose evidence quotes the secret, a first one the app marked viewed with
     * a note that quotes it too, and an alert for their coach.
     */
    private void plant() {
        KafkaTestClient.grantAccess(OPEN, List.of(COACH_OPEN), true);
        KafkaTestClient.grantAccess(PRIVATE, List.of(COACH_PRIVATE), false);
        KafkaTestClient.grantAccess(OTHER, List.of(), false);
        int i = 0;
        for (String clientId : List.of(OPEN, PRIVATE)) {
            ScoreEvent score = ScoreEvent.conversation(clientId, "partner").overall(28)
                    .dimension("acknowledgement", 25, 0, "I hate him! " + SECRET, "feeling-not-acknowledged", -30)
                    .dimension("mirroring", 20, 0, "I hate him! " + SECRET, "affect-not-mirrored", -30)
                    .dimension("inquiry", 15, 1, "That sucks! " + SECRET, "no-question", -35)
                    .dimension("exploration", 10, 1, "Forget the " + SECRET, "closing-comment", -40)
                    .dimension("presence", 60).dimension("listening-balance", 70);
            KafkaTestClient.publish(score);
            SCORE[i] = score.scoreId();
            List<String> ids = await().atMost(WAIT).pollInterval(Duration.ofMillis(100))
                    .until(() -> ids(Http.get(recommendations(clientId), APP.token())), list -> list.size() >= 2);
            FIRST[i] = ids.get(0);
            SECOND[i] = ids.get(1);
            Answer viewed = Http.post(recommendations(clientId) + "/" + FIRST[i] + "/feedback", APP.token(),
                    "{\"status\":\"viewed\",\"note\":\"We spoke about the " + SECRET + ".\"}");
            assertThat(viewed.status()).as(viewed.body()).isEqualTo(200);
            assertThat(viewed.body()).as("the fixture must plant the secret").contains(SECRET);
            String scoreId = SCORE[i];
            await().atMost(WAIT).pollInterval(Duration.ofMillis(100))
                    .until(() -> db().getCollection("assessments").find(Filters.eq("_id", scoreId)).first() != null);
            ALERT[i] = "atk-alert-" + i + "-" + RUN;
            alerts.raise(clientId, new AlertStore.CoachAlert(ALERT[i], "concern", "Distress persisted.",
                    Instant.now()));
            i++;
        }
    }

    private AttackTable<On> table() {
        On open = new On(OPEN, FIRST[0]);
        On closed = new On(PRIVATE, FIRST[1]);
        AttackTable<On> table = new AttackTable<>(SECRET);

        // Recommendations: without consent a coach gets exercise, dimension and score, never the quoted words.
        clientRead(table, "GET /api/v1/clients/{clientId}/recommendations", open, closed,
                (token, on) -> Http.get(recommendations(on.clientId()), token));
        clientRead(table, "GET /api/v1/clients/{clientId}/recommendations/{id}", open, closed,
                (token, on) -> Http.get(recommendations(on.clientId()) + "/" + on.itemId(), token))
                // Nor through a path of one's own.
                .row(OTHER_CLIENT, OTHER_CLIENT_ID, new On(OTHER, FIRST[0]), 404);
        clientRead(table, "GET /api/v1/clients/{clientId}/profile", open, closed,
                (token, on) -> Http.get(base(on.clientId()) + "/profile", token));
        clientRead(table, "GET /api/v1/clients/{clientId}/alerts", open, closed,
                (token, on) -> Http.get(base(on.clientId()) + "/alerts", token));

        // Feedback: the client or its app. Refused attempts try to dismiss the first recommendation.
        table.endpoint("POST /api/v1/clients/{clientId}/recommendations/{id}/feedback", Mode.WRITE,
                        (token, on) -> Http.post(recommendations(on.clientId()) + "/" + on.itemId() + "/feedback",
                                token, "{\"status\":\"dismissed\",\"note\":\"" + SECRET + "\"}"))
                .state(this::recommendation)
                .tokenAttacks(APP, open)
                .row(OTHER_TENANT_APP, OTHER_APP, open, 404)
                .row(OTHER_CLIENT, OTHER_CLIENT_ID, open, 404)
                .row(OTHER_CLIENT, OTHER_CLIENT_ID, new On(OTHER, FIRST[0]), 404)
                .row(UNASSIGNED_COACH, UNASSIGNED, open, 403)
                .row(COACH_WITHOUT_CONSENT, PRIVATE_COACH, closed, 403)
                .row(ROLE_NOT_ALLOWED, OPEN_COACH, open, 403)
                .row(ADMIN, ADMIN_ID, open, 403)
                .allowed(OPEN_CLIENT, open, 200);

        // The live stream: a change made while it is open reaches it, redacted for a coach without consent.
        table.endpoint("GET /api/v1/clients/{clientId}/recommendations/stream", Mode.READ, this::stream)
                .tokenAttacks(APP, open)
                .row(OTHER_TENANT_APP, OTHER_APP, open, 404)
                .row(OTHER_CLIENT, OTHER_CLIENT_ID, open, 404)
                .row(UNASSIGNED_COACH, UNASSIGNED, open, 404)
                .row(COACH_WITHOUT_CONSENT, PRIVATE_COACH, new On(PRIVATE, SECOND[1]), 200)
                .row(ADMIN, ADMIN_ID, open, 403)
                .allowed(OPEN_COACH, new On(OPEN, SECOND[0]), 200);

        // Alerts: acknowledged by the client's assigned coach, consent or not; by nobody else.
        On openAlert = new On(OPEN, ALERT[0]);
        On closedAlert = new On(PRIVATE, ALERT[1]);
        table.endpoint("POST /api/v1/clients/{clientId}/alerts/{alertId}/acknowledgement", Mode.WRITE,
                        (token, on) -> Http.post(base(on.clientId()) + "/alerts/" + on.itemId() + "/acknowledgement",
                                token, null))
                .state(on -> alert(on.itemId()))
                .tokenAttacks(OPEN_COACH, openAlert)
                .row(OTHER_TENANT_APP, OTHER_APP, openAlert, 403)
                .row(OTHER_CLIENT, OTHER_CLIENT_ID, openAlert, 403)
                .row(UNASSIGNED_COACH, UNASSIGNED, openAlert, 404)
                // A coach reaching another client's alert through the path of their own client.
                .row(UNASSIGNED_COACH, OPEN_COACH, new On(OPEN, ALERT[1]), 404)
                .row(ADMIN, ADMIN_ID, openAlert, 403)
                .row(ROLE_NOT_ALLOWED, APP, openAlert, 403)
                .row(ROLE_NOT_ALLOWED, OPEN_CLIENT, openAlert, 403)
                .row(COACH_WITHOUT_CONSENT, PRIVATE_COACH, closedAlert, 200)
                .row(LEGITIMATE, OPEN_COACH, openAlert, 200);

        // The coach dashboard: the same rules, for coaches only (docs/dashboard.md). API-style callers (no Accept:
        // text/html) get the API's statuses and problems; the browser's redirects are covered by DashboardIT.
        On openScore = new On(OPEN, SCORE[0]);
        On closedScore = new On(PRIVATE, SCORE[1]);
        dashboardRead(table, "GET /dashboard/clients/{clientId}", open, closed,
                (token, on) -> Http.get(dashboard(on.clientId()), token));
        for (String part : List.of("alerts", "recommendations", "trends", "chart")) {
            dashboardRead(table, "GET /dashboard/clients/{clientId}/" + part, open, closed,
                    (token, on) -> Http.get(dashboard(on.clientId()) + "/" + part, token));
        }
        dashboardRead(table, "GET /dashboard/clients/{clientId}/assessments/{assessmentId}", openScore, closedScore,
                (token, on) -> Http.get(dashboard(on.clientId()) + "/assessments/" + on.itemId(), token))
                .row(OTHER_CLIENT, OPEN_COACH, new On(OPEN, SCORE[1]), 404);
        dashboardRead(table, "GET /dashboard/clients/{clientId}/assessments/{assessmentId}/words", openScore,
                closedScore, (token, on) -> Http.get(dashboard(on.clientId()) + "/assessments/" + on.itemId()
                        + "/words", token))
                .row(OTHER_CLIENT, OPEN_COACH, new On(OPEN, SCORE[1]), 404);
        dashboardRead(table, "GET /dashboard/clients/{clientId}/events", open, closed,
                (token, on) -> Http.stream(dashboard(on.clientId()) + "/events", token, () -> { },
                        Duration.ofSeconds(2)));
        table.endpoint("POST /dashboard/clients/{clientId}/alerts/{alertId}/acknowledgement", Mode.WRITE,
                        (token, on) -> fromTheDashboard(dashboard(on.clientId()) + "/alerts/" + on.itemId()
                                + "/acknowledgement", token, ""))
                .state(on -> alert(on.itemId()))
                .tokenAttacks(OPEN_COACH, openAlert)
                .row(OTHER_TENANT_APP, OTHER_APP, openAlert, 403)
                .row(OTHER_CLIENT, OTHER_CLIENT_ID, openAlert, 403)
                .row(UNASSIGNED_COACH, UNASSIGNED, openAlert, 404)
                .row(UNASSIGNED_COACH, OPEN_COACH, new On(OPEN, ALERT[1]), 404)
                .row(ADMIN, ADMIN_ID, openAlert, 403)
                .row(ROLE_NOT_ALLOWED, APP, openAlert, 403)
                .row(COACH_WITHOUT_CONSENT, PRIVATE_COACH, closedAlert, 200)
                .row(LEGITIMATE, OPEN_COACH, openAlert, 200);
        // The roster: a coach's own clients; it names no client of anyone else.
        table.endpoint("GET /dashboard", Mode.READ, (token, on) -> Http.get("/dashboard/", token))
                .tokenAttacks(OPEN_COACH, open)
                .row(OTHER_TENANT_APP, OTHER_APP, open, 403)
                .row(OTHER_CLIENT, OTHER_CLIENT_ID, open, 403)
                .row(UNASSIGNED_COACH, UNASSIGNED, open, 200)
                .row(COACH_WITHOUT_CONSENT, PRIVATE_COACH, closed, 200)
                .row(ADMIN, ADMIN_ID, open, 403)
                .allowed(OPEN_COACH, open, 200);
        // Signing in checks the token of the form like a bearer token; signing out, the session's.
        table.endpoint("POST /dashboard/sign-in", Mode.READ,
                        (token, on) -> fromTheDashboard("/dashboard/sign-in", null, "token=" + (token == null ? "" : token)))
                .tokenAttacks(OPEN_COACH, open)
                .row(OTHER_TENANT_APP, OTHER_APP, open, 403)
                .row(OTHER_CLIENT, OTHER_CLIENT_ID, open, 403)
                .row(UNASSIGNED_COACH, UNASSIGNED, open, 204)
                .row(COACH_WITHOUT_CONSENT, PRIVATE_COACH, closed, 204)
                .row(ADMIN, ADMIN_ID, open, 403)
                .row(LEGITIMATE, OPEN_COACH, open, 204);
        table.endpoint("POST /dashboard/sign-out", Mode.READ,
                        (token, on) -> fromTheDashboard("/dashboard/sign-out", token, ""))
                .tokenAttacks(OPEN_COACH, open)
                .row(OTHER_TENANT_APP, OTHER_APP, open, 403)
                .row(OTHER_CLIENT, OTHER_CLIENT_ID, open, 403)
                .row(UNASSIGNED_COACH, UNASSIGNED, open, 204)
                .row(COACH_WITHOUT_CONSENT, PRIVATE_COACH, closed, 204)
                .row(ADMIN, ADMIN_ID, open, 403)
                .row(LEGITIMATE, OPEN_COACH, open, 204);

        // The exercise catalog holds no client data: anyone signed in reads it, only admins write it.
        On seeded = new On(null, SEEDED_EXERCISE);
        On created = new On(null, EXERCISE);
        catalogRead(table, "GET /api/v1/admin/exercises", seeded, (token, on) -> Http.get(exercises(), token));
        catalogRead(table, "GET /api/v1/admin/exercises/{id}", seeded,
                (token, on) -> Http.get(exercises() + "/" + on.itemId(), token));
        catalogWrite(table, "POST /api/v1/admin/exercises", created, (token, on) -> Http.post(exercises(), token,
                "{\"id\":\"" + on.itemId() + "\",\"exercise\":" + exerciseBody("Created") + "}"), 201);
        catalogWrite(table, "PUT /api/v1/admin/exercises/{id}", created,
                (token, on) -> Http.put(exercises() + "/" + on.itemId(), token, exerciseBody("Changed")), 200);
        return table;
    }

    /** An endpoint of scores, not words: a coach without consent reads it, and sees no words. */
    private static AttackTable<On>.EndpointRows clientRead(AttackTable<On> table, String spec, On open, On closed,
            BiFunction<String, On, Answer> request) {
        return table.endpoint(spec, Mode.READ, request)
                .tokenAttacks(APP, open)
                .row(OTHER_TENANT_APP, OTHER_APP, open, 404)
                .row(OTHER_CLIENT, OTHER_CLIENT_ID, open, 404)
                .row(UNASSIGNED_COACH, UNASSIGNED, open, 404)
                .row(COACH_WITHOUT_CONSENT, PRIVATE_COACH, closed, 200)
                .row(ADMIN, ADMIN_ID, open, 403)
                .allowed(OPEN_CLIENT, open, 200)
                .allowed(APP, open, 200)
                .allowed(OPEN_COACH, open, 200);
    }

    /** A dashboard page or part about one client: coaches only, assigned, words only with consent. */
    private static AttackTable<On>.EndpointRows dashboardRead(AttackTable<On> table, String spec, On open, On closed,
            BiFunction<String, On, Answer> request) {
        return table.endpoint(spec, Mode.READ, request)
                .tokenAttacks(OPEN_COACH, open)
                .row(OTHER_TENANT_APP, OTHER_APP, open, 403)
                .row(OTHER_CLIENT, OTHER_CLIENT_ID, open, 403)
                .row(UNASSIGNED_COACH, UNASSIGNED, open, 404)
                .row(COACH_WITHOUT_CONSENT, PRIVATE_COACH, closed, 200)
                .row(ADMIN, ADMIN_ID, open, 403)
                .row(ROLE_NOT_ALLOWED, APP, open, 403)
                .row(ROLE_NOT_ALLOWED, OPEN_CLIENT, open, 403)
                .allowed(OPEN_COACH, open, 200);
    }

    /**
     * A form post as the dashboard's own pages send it: same origin, from htmx, {@code token} as the bearer token
     * (none when null).
     */
    private static Answer fromTheDashboard(String path, String token, String form) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                .timeout(WAIT).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Sec-Fetch-Site", "same-origin").header("HX-Request", "true")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.headers().firstValue("WWW-Authenticate").orElse(null), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String dashboard(String clientId) {
        return "/dashboard/clients/" + clientId;
    }

    private static AttackTable<On>.EndpointRows catalogRead(AttackTable<On> table, String spec, On on,
            BiFunction<String, On, Answer> request) {
        return table.endpoint(spec, Mode.READ, request)
                .tokenAttacks(APP, on)
                .row(OTHER_TENANT_APP, OTHER_APP, on, 200)
                .row(OTHER_CLIENT, OTHER_CLIENT_ID, on, 200)
                .row(UNASSIGNED_COACH, UNASSIGNED, on, 200)
                .row(COACH_WITHOUT_CONSENT, PRIVATE_COACH, on, 200)
                .row(ADMIN, ADMIN_ID, on, 200)
                .row(LEGITIMATE, APP, on, 200);
    }

    private AttackTable<On>.EndpointRows catalogWrite(AttackTable<On> table, String spec, On on,
            BiFunction<String, On, Answer> request, int created) {
        return table.endpoint(spec, Mode.WRITE, request)
                .state(target -> exercise(target.itemId()))
                .tokenAttacks(ADMIN_ID, on)
                .row(OTHER_TENANT_APP, OTHER_APP, on, 403)
                .row(OTHER_CLIENT, OTHER_CLIENT_ID, on, 403)
                .row(UNASSIGNED_COACH, UNASSIGNED, on, 403)
                .row(COACH_WITHOUT_CONSENT, PRIVATE_COACH, on, 403)
                .row(ROLE_NOT_ALLOWED, APP, on, 403)
                .row(ROLE_NOT_ALLOWED, OPEN_CLIENT, on, 403)
                .row(ADMIN, ADMIN_ID, on, created);
    }

    /**
     * Opens the stream; once it is open, the app marks the target recommendation viewed, which the stream must
     * carry. Refusals come back at once.
     */
    private Answer stream(String token, On on) {
        return Http.stream(recommendations(on.clientId()) + "/stream", token, () -> {
            Answer viewed = Http.post(recommendations(on.clientId()) + "/" + on.itemId() + "/feedback", APP.token(),
                    "{\"status\":\"viewed\",\"note\":\"Later about the " + SECRET + ".\"}");
            assertThat(viewed.status()).as(viewed.body()).isEqualTo(200);
        }, Duration.ofSeconds(10));
    }

    private Object recommendation(On on) {
        Document doc = db().getCollection("recommendations").find(Filters.eq("_id", on.itemId())).first();
        return doc == null ? null : doc.toJson();
    }

    private Object alert(String alertId) {
        Document doc = db().getCollection("alerts").find(Filters.eq("_id", alertId)).first();
        return doc == null ? null : doc.toJson();
    }

    private Object exercise(String id) {
        Document doc = db().getCollection("exercises").find(Filters.eq("_id", id)).first();
        return doc == null ? null : doc.toJson();
    }

    private MongoDatabase db() {
        return mongo.getDatabase("attune-recommendation");
    }

    private static List<String> ids(Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        List<Map<String, Object>> items = JsonPath.from(answer.body()).getList("items");
        return items.stream().map(item -> (String) item.get("id")).toList();
    }

    private static String exerciseBody(String title) {
        return """
                {"title":"%s by the attack suite","instructions":"Breathe in for four counts, out for six.",
                 "durationMinutes":5,"targetDimensions":["presence"],"contexts":["other"],
                 "contraindications":["Not after a crisis"],"source":"Attune attack suite"}""".formatted(title);
    }

    private static String base(String clientId) {
        return "/api/v1/clients/" + clientId;
    }

    private static String recommendations(String clientId) {
        return base(clientId) + "/recommendations";
    }

    private static String exercises() {
        return "/api/v1/admin/exercises";
    }
}
