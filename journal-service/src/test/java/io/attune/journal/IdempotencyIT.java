package io.attune.journal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import io.attune.infra.testing.AttuneStackResource;
import io.attune.infra.testing.TestAuth;
import io.attune.journal.service.IdempotencyKeyCleanup;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A repeated Idempotency-Key returns the first answer and stores nothing new; a reused key with another body is a 409. */
@QuarkusTest
@QuarkusTestResource(AttuneStackResource.class)
class IdempotencyIT {

    @BeforeAll
    static void actAsTheTenantsApp() {
        TestAuth.actAsApp();
    }

    @Inject
    MongoClient mongo;

    @Inject
    IdempotencyKeyCleanup cleanup;

    @Test
    void repeatedKeyWithSameEntryReturnsSameIdAndStoresOnce() {
        String clientId = Api.newClientId("idem");
        String key = UUID.randomUUID().toString();

        String first = post(Api.ENTRIES, clientId, key, "{\"text\":\"same\",\"emotions\":[{\"label\":\"calm\",\"intensity\":2}]}")
                .statusCode(202).extract().path("id");
        // Same request, different formatting and field order: still the same request.
        String second = post(Api.ENTRIES, clientId, key, "{ \"emotions\" : [ {\"intensity\":2, \"label\":\"calm\"} ], \"text\" : \"same\" }")
                .statusCode(202).body("links.self", equalTo("/api/v1/clients/" + clientId + "/journal-entries/" + first))
                .extract().path("id");

        assertThat(second).isEqualTo(first);
        assertThat(stored("journal_entries", clientId)).isEqualTo(1);
        given().get(Api.ENTRIES, clientId).then().statusCode(200).body("items.size()", equalTo(1));
    }

    @Test
    void repeatedKeyWithSameConversationReturnsSameIdAndStoresOnce() {
        String clientId = Api.newClientId("idem");
        String key = UUID.randomUUID().toString();

        String first = post(Api.CONVERSATIONS, clientId, key, Api.conversation("Oh no")).statusCode(202).extract().path("id");
        String second = post(Api.CONVERSATIONS, clientId, key, Api.conversation("Oh no")).statusCode(202).extract().path("id");

        assertThat(second).isEqualTo(first);
        assertThat(stored("conversations", clientId)).isEqualTo(1);
    }

    @Test
    void sameKeyWithDifferentBodyIsAConflictAndStoresNothing() {
        String clientId = Api.newClientId("idem");
        String key = UUID.randomUUID().toString();
        String id = post(Api.ENTRIES, clientId, key, Api.entry("first")).statusCode(202).extract().path("id");

        post(Api.ENTRIES, clientId, key, Api.entry("second")).statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://attune.io/problems/idempotency-conflict"));
        // The key is taken by a journal entry, so a conversation cannot reuse it either.
        post(Api.CONVERSATIONS, clientId, key, Api.conversation("hm")).statusCode(409);

        assertThat(stored("journal_entries", clientId)).isEqualTo(1);
        assertThat(stored("conversations", clientId)).isZero();
        given().get(Api.ENTRIES + "/{id}", clientId, id).then().statusCode(200).body("text", equalTo("first"));
    }

    @Test
    void keysAreScopedPerClientAndRequestsWithoutKeyAreNeverMerged() {
        String key = UUID.randomUUID().toString();
        String clientA = Api.newClientId("idem-a");
        String clientB = Api.newClientId("idem-b");

        String a = post(Api.ENTRIES, clientA, key, Api.entry("same")).statusCode(202).extract().path("id");
        String b = post(Api.ENTRIES, clientB, key, Api.entry("same")).statusCode(202).extract().path("id");
        assertThat(a).isNotEqualTo(b);

        String c = Api.accept(Api.ENTRIES, clientA, Api.entry("no key"));
        String d = Api.accept(Api.ENTRIES, clientA, Api.entry("no key"));
        assertThat(c).isNotEqualTo(d);
        assertThat(stored("journal_entries", clientA)).isEqualTo(3);
    }

    @Test
    void concurrentRepeatsOfOneKeyAllGetTheSameId() throws Exception {
        String clientId = Api.newClientId("idem-race");
        String key = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                answers.add(pool.submit(() -> post(Api.ENTRIES, clientId, key, Api.entry("raced"))
                        .statusCode(202).extract().<String>path("id")));
            }
            List<String> ids = new ArrayList<>();
            for (Future<String> answer : answers) {
                ids.add(answer.get());
            }
            assertThat(ids).containsOnly(ids.get(0));
        } finally {
            pool.shutdownNow();
        }
        assertThat(stored("journal_entries", clientId)).isEqualTo(1);
    }

    @Test
    void cleanupForgetsExpiredKeysOnlySoTheyCanBeReused() {
        String clientId = Api.newClientId("idem");
        String expired = UUID.randomUUID().toString();
        String live = UUID.randomUUID().toString();
        post(Api.ENTRIES, clientId, expired, "{\"text\":\"first\"}").statusCode(202);
        post(Api.ENTRIES, clientId, live, "{\"text\":\"first\"}").statusCode(202);
        // Age one key past its TTL, as time would; MongoDB-wire has no TTL index to do it for us.
        mongo.getDatabase("attune-journal").getCollection("idempotency_keys").updateOne(
                Filters.and(Filters.eq("clientId", clientId), Filters.eq("key", expired)),
                new Document("$set", new Document("expiresAt", java.util.Date.from(java.time.Instant.now().minusSeconds(60)))));

        cleanup.run();

        assertThat(mongo.getDatabase("attune-journal").getCollection("idempotency_keys")
                .countDocuments(Filters.eq("clientId", clientId))).isEqualTo(1);
        post(Api.ENTRIES, clientId, expired, "{\"text\":\"a different entry\"}").statusCode(202);
        post(Api.ENTRIES, clientId, live, "{\"text\":\"a different entry\"}").statusCode(409);
    }

    private long stored(String collection, String clientId) {
        return mongo.getDatabase("attune-journal").getCollection(collection, Document.class)
                .countDocuments(Filters.eq("clientId", clientId));
    }

    private static ValidatableResponse post(String path, String clientId, String key, String json) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(json).post(path, clientId).then();
    }
}
