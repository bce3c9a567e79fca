package io.attune.journal.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.nio.file.Files;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.attune.chassis.crypto.DataKey;
import io.attune.chassis.crypto.MasterKey;
import io.attune.chassis.crypto.SealedFields;
import io.attune.chassis.crypto.WrappedKey;
import io.attune.infra.testing.AttuneStackResource;
import io.attune.infra.testing.TestAuth;
import io.attune.infra.testing.TestTokens;
import io.attune.journal.Api;
import io.attune.journal.KafkaTopics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The words journal-service publishes are sealed with the client's data key, which the other services fetch
 * wrapped from the internal endpoint; after the client's erasure the key is gone, so the records already on the
 * topics can no longer be opened, while another client's still can.
 */
@QuarkusTest
@QuarkusTestResource(AttuneStackResource.class)
class CryptoShreddingIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void actAsTheTenantsApp() {
        TestAuth.actAsApp();
    }

    @Test
    void wordsOnTheTopicsOpenWithTheClientsKeyUntilTheClientIsErased() throws Exception {
        String erased = Api.newClientId("shred");
        String kept = Api.newClientId("shred");
        String erasedWords = "lilac-" + UUID.randomUUID();
        String keptWords = "amber-" + UUID.randomUUID();
        String erasedEntry = Api.accept(Api.ENTRIES, erased, Api.entry("I felt " + erasedWords + " today."));
        String erasedSample = Api.accept(Api.CONVERSATIONS, erased, Api.conversation("Tell me about " + erasedWords));
        String keptEntry = Api.accept(Api.ENTRIES, kept, Api.entry("I felt " + keptWords + " today."));

        String entryRecord = KafkaTopics.awaitRecord("journal-entries", erasedEntry).value();
        String sampleRecord = KafkaTopics.awaitRecord("conversation-samples", erasedSample).value();
        String keptRecord = KafkaTopics.awaitRecord("journal-entries", keptEntry).value();
        assertThat(entryRecord).doesNotContain(erasedWords);
        assertThat(sampleRecord).doesNotContain(erasedWords).doesNotContain("supervisor");
        assertThat(keptRecord).doesNotContain(keptWords);

        DataKey key = fetchKey(erased);
        assertThat(opened(entryRecord, key).get("text").asText()).isEqualTo("I felt " + erasedWords + " today.");
        assertThat(opened(sampleRecord, key).at("/turns/1/text").asText()).isEqualTo("Tell me about " + erasedWords);
        assertThat(JSON.readTree(sampleRecord).at("/turns/0/speaker").asText()).isEqualTo("Ann");

        given().delete("/api/v1/clients/{clientId}", erased).then().statusCode(202);

        keyRequest(erased).then().statusCode(404).contentType("application/problem+json");
        // The kept client's words still open; the erased client's key is gone from everywhere it was kept.
        assertThat(opened(keptRecord, fetchKey(kept)).get("text").asText()).contains(keptWords);
        assertThat(SealedFields.kid(JSON.readTree(entryRecord))).contains(key.kid());
    }

    @Test
    void onlyTheServiceRoleGetsAKey() {
        String clientId = Api.newClientId("shred");
        Api.accept(Api.ENTRIES, clientId, Api.entry("Noticed my jaw was tight."));

        TestAuth.as(TestTokens.app(TestAuth.TENANT)).get("/internal/v1/clients/{id}/data-key", clientId).then()
                .statusCode(403);
        TestAuth.as(TestTokens.client(TestAuth.TENANT, clientId)).get("/internal/v1/clients/{id}/data-key", clientId)
                .then().statusCode(403);
        keyRequest(clientId).then().statusCode(200).body("alg", equalTo("A256GCMKW"));
        keyRequest(Api.newClientId("never-seen")).then().statusCode(404);
    }

    private static Response keyRequest(String clientId) {
        return TestAuth.as(TestTokens.service()).get("/internal/v1/clients/{id}/data-key", clientId);
    }

    private static DataKey fetchKey(String clientId) throws IOException {
        WrappedKey wrapped = keyRequest(clientId).then().statusCode(200).extract().as(WrappedKey.class);
        assertThat(wrapped.clientId()).isEqualTo(clientId);
        return wrapped.unwrap(MasterKey.fromBase64(Files.readString(TestTokens.masterKey())));
    }

    private static JsonNode opened(String record, DataKey key) throws IOException {
        JsonNode tree = JSON.readTree(record);
        assertThat(SealedFields.openAll(tree, key)).isPositive();
        return tree;
    }
}
