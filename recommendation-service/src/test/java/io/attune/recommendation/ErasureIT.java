package io.attune.recommendation;

import static io.attune.recommendation.RecommendationApi.awaitAtLeast;
import static io.attune.recommendation.RecommendationFlowIT.clientId;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.attune.infra.testing.AttuneStackResource;
import io.attune.infra.testing.TestAuth;
import io.attune.recommendation.store.ErasureMarkers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code client-erasures} removes the profile, recommendations, feedback and coach alerts of one client. */
@QuarkusTest
@QuarkusTestResource(AttuneStackResource.class)
class ErasureIT {

    @BeforeAll
    static void actAsTheTenantsApp() {
        TestAuth.actAsApp();
    }

    @Inject
    MongoClient mongo;

    @Inject
    ErasureMarkers markers;

    @Test
    void erasureRemovesEverythingAboutTheClientAndNothingElse() {
        String clientId = clientId("erase");
        String bystander = clientId("keep");
        KafkaTestClient.publish(ScoreEvent.misattunedConversation(clientId));
        KafkaTestClient.publish(ScoreEvent.misattunedConversation(bystander));
        List<Map<String, Object>> recommendations = awaitAtLeast(clientId, 3);
        awaitAtLeast(bystander, 3);
        Object withFeedback = recommendations.get(0).get("id");
        RecommendationApi.feedback(clientId, withFeedback, "{\"status\":\"completed\",\"helpful\":2,\"note\":\"meh\"}")
                .statusCode(200);
        KafkaTestClient.publish(ScoreEvent.journal(clientId).overall(20).dimension("acceptance", 10)
                .crisis("self-harm"));
        await().atMost(RecommendationApi.WAIT).until(() -> RecommendationApi.profile(clientId).extract().jsonPath()
                .getList("alerts").size() == 1);

        KafkaTestClient.publishErasure(clientId);

        // Once erased, the client is unknown here too: 404, as for a client that never existed.
        await().atMost(RecommendationApi.WAIT).until(() -> given()
                .get("/api/v1/clients/{clientId}/recommendations", clientId).statusCode() == 404);
        given().get("/api/v1/clients/{clientId}/profile", clientId).then().statusCode(404);
        given().get("/api/v1/clients/{clientId}/recommendations/{id}", clientId, withFeedback).then()
                .statusCode(404);
        MongoDatabase db = mongo.getDatabase("attune-recommendation");
        for (String collection : new String[] { "recommendations", "alerts" }) {
            assertThat(db.getCollection(collection).countDocuments(Filters.eq("clientId", clientId))).as(collection)
                    .isZero();
        }
        for (String collection : new String[] { "profiles", "client_access" }) {
            assertThat(db.getCollection(collection).countDocuments(Filters.eq("_id", clientId))).as(collection)
                    .isZero();
        }
        assertThat(RecommendationApi.all(bystander)).hasSize(3);
        assertThat(RecommendationApi.profile(bystander).extract().jsonPath().getInt("scores")).isEqualTo(1);
    }

    @Test
    void aLateScoreOfMaterialRecordedBeforeTheErasureDoesNotRecreateTheClient() throws Exception {
        String clientId = clientId("erase-late");
        Instant beforeErasure = Instant.now().minusSeconds(2);
        KafkaTestClient.publishErasure(clientId);
        await().atMost(RecommendationApi.WAIT).until(() -> markers.erasedAt(clientId).isPresent());
        // The marker is a keyed hash: neither the id nor its bare SHA-256 (reversible for guessable ids) is stored.
        String bareHash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(clientId.getBytes(StandardCharsets.UTF_8)));
        MongoCollection<Document> stored = mongo.getDatabase("attune-recommendation").getCollection("erasure_markers");
        assertThat(stored.countDocuments(Filters.in("_id", List.of(clientId, bareHash)))).isZero();

        // Same key, same partition: the late score is consumed before the new one.
        KafkaTestClient.publish(ScoreEvent.misattunedConversation(clientId).sourceRecordedAt(beforeErasure));
        ScoreEvent afterwards = ScoreEvent.misattunedConversation(clientId).sourceRecordedAt(Instant.now().plusSeconds(1));
        KafkaTestClient.publish(afterwards);

        awaitAtLeast(clientId, 1);
        JsonPath profile = RecommendationApi.profile(clientId).extract().jsonPath();
        assertThat(profile.getInt("scores")).isEqualTo(1);
        assertThat(profile.getList("history.overall.assessmentId", String.class)).containsExactly(afterwards.scoreId());
        assertThat(RecommendationApi.all(clientId)).extracting(r -> (Object) ((Map<?, ?>) r.get("reason")).get("assessmentId"))
                .containsOnly((Object) afterwards.scoreId());
    }

    @Test
    void aMarkerWrittenBeforeTheKeyedHashIsHonouredUntilItExpires() throws Exception {
        String clientId = clientId("erase-legacy");
        String bareHash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(clientId.getBytes(StandardCharsets.UTF_8)));
        Instant erasedAt = Instant.parse("2026-11-30T10:00:00Z");
        mongo.getDatabase("attune-recommendation").getCollection("erasure_markers").insertOne(new Document("_id",
                bareHash).append("requestedAt", Date.from(erasedAt))
                .append("expiresAt", Date.from(Instant.now().plusSeconds(3600))));

        assertThat(markers.erasedAt(clientId)).contains(erasedAt);
        assertThat(markers.erasedAt(clientId("erase-other"))).isEmpty();
    }

    @Test
    void anErasureWithoutAClientIdGoesToTheDeadLetterQueue() {
        String key = clientId("erase-poison");
        String body = "{\"erasureId\":\"" + UUID.randomUUID() + "\",\"requestedAt\":\"2026-01-01T00:00:00Z\"}";
        KafkaTestClient.publish(KafkaTestClient.ERASURES, key, UUID.randomUUID().toString(),
                "/attune/journal-service", KafkaTestClient.ERASURE_TYPE, body);

        assertThat(KafkaTestClient.collect("client-erasures-dlq", key, r -> true, 1, RecommendationApi.WAIT))
                .singleElement().satisfies(r -> assertThat(r.value()).isEqualTo(body));
    }
}
