package io.attune.journal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.attune.infra.testing.AttuneStackResource;
import io.attune.infra.testing.TestAuth;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Consent is stored per client; an erasure removes everything and is announced on client-erasures. */
@QuarkusTest
@QuarkusTestResource(AttuneStackResource.class)
class ConsentAndErasureIT {

    @BeforeAll
    static void actAsTheTenantsApp() {
        TestAuth.actAsApp();
    }

    private static final String CLIENT = "/api/v1/clients/{clientId}";

    @Inject
    MongoClient mongo;

    @Test
    void consentIsAbsentUntilSetAndThenReadsBack() {
        String clientId = Api.newClientId("consent");
        given().get(CLIENT + "/consent", clientId).then().statusCode(404).contentType("application/problem+json");

        String updatedAt = putConsent(clientId, "{\"shareTextWithCoach\":true}").statusCode(200)
                .body("shareTextWithCoach", equalTo(true)).body("updatedAt", notNullValue()).extract().path("updatedAt");
        // The PUT answers with exactly what a later GET reads back (it used to carry nanoseconds MongoDB drops).
        given().get(CLIENT + "/consent", clientId).then().statusCode(200)
                .body("clientId", equalTo(clientId)).body("shareTextWithCoach", equalTo(true))
                .body("updatedAt", equalTo(updatedAt));

        putConsent(clientId, "{\"shareTextWithCoach\":false}").statusCode(200);
        given().get(CLIENT + "/consent", clientId).then().statusCode(200).body("shareTextWithCoach", equalTo(false));
    }

    @Test
    void invalidConsentIsA400() {
        String clientId = Api.newClientId("consent");
        putConsent(clientId, "{}").statusCode(400).body("errors[0].field", equalTo("shareTextWithCoach"));
        putConsent(clientId, "{\"shareTextWithCoach\":\"yes\"}").statusCode(400)
                .body("errors[0].reason", equalTo("must be true or false"));
        putConsent(clientId, "{\"shareTextWithCoach\":true,\"coachId\":\"c1\"}").statusCode(400)
                .body("errors[0].field", equalTo("coachId"));
        given().get(CLIENT + "/consent", clientId).then().statusCode(404);
    }

    @Test
    void erasureRemovesEverythingAndIsPublished() {
        String clientId = Api.newClientId("erase");
        String otherClient = Api.newClientId("keep");
        String key = UUID.randomUUID().toString();
        String entry = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(Api.entry("private"))
                .post(Api.ENTRIES, clientId).then().statusCode(202).extract().path("id");
        String sample = Api.accept(Api.CONVERSATIONS, clientId, Api.conversation("private"));
        putConsent(clientId, "{\"shareTextWithCoach\":true}").statusCode(200);
        String kept = Api.accept(Api.ENTRIES, otherClient, Api.entry("not erased"));

        String erasureId = given().delete(CLIENT, clientId).then().statusCode(202)
                .body("status", equalTo("accepted")).extract().path("erasureId");

        // Once erased, the client is unknown: every read answers 404, as for a client that never existed.
        given().get(Api.ENTRIES + "/{id}", clientId, entry).then().statusCode(404);
        given().get(Api.CONVERSATIONS + "/{id}", clientId, sample).then().statusCode(404);
        given().get(Api.ENTRIES, clientId).then().statusCode(404);
        given().get(Api.CONVERSATIONS, clientId).then().statusCode(404);
        given().get(CLIENT + "/consent", clientId).then().statusCode(404);
        given().get(Api.ENTRIES + "/{id}", otherClient, kept).then().statusCode(200);

        MongoDatabase db = mongo.getDatabase("attune-journal");
        for (String collection : new String[] { "journal_entries", "conversations", "idempotency_keys" }) {
            assertThat(db.getCollection(collection).countDocuments(Filters.eq("clientId", clientId))).as(collection).isZero();
        }
        assertThat(db.getCollection("clients").countDocuments(Filters.eq("_id", clientId))).isZero();

        assertThat(KafkaTopics.awaitRecord("client-erasures", erasureId).key()).isEqualTo(clientId);
        // Once announced, the erasure record itself goes too: nothing about the client is left behind.
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                db.getCollection("erasures", Document.class).countDocuments(Filters.eq("clientId", clientId))).isZero());

        // The old Idempotency-Key is forgotten as well: reusing it creates a new entry.
        String again = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(Api.entry("new start"))
                .post(Api.ENTRIES, clientId).then().statusCode(202).extract().path("id");
        assertThat(again).isNotEqualTo(entry);
    }

    @Test
    void erasingAnUnknownClientIsAcceptedToo() {
        String clientId = Api.newClientId("never-seen");
        String erasureId = given().delete(CLIENT, clientId).then().statusCode(202).extract().path("erasureId");
        assertThat(KafkaTopics.awaitRecord("client-erasures", erasureId).key()).isEqualTo(clientId);
    }

    private static io.restassured.response.ValidatableResponse putConsent(String clientId, String body) {
        return given().contentType(ContentType.JSON).body(body).put(CLIENT + "/consent", clientId).then();
    }
}
