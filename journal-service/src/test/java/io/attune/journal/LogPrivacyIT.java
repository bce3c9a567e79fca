package io.attune.journal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.attune.chassis.security.ClientRef;
import io.attune.infra.testing.AttuneStackResource;
import io.attune.infra.testing.TestAuth;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Journal text and conversation turns never reach the logs, whether a request is accepted, rejected, replayed,
 * read back, published or erased; with the service's own loggers and the REST layer at DEBUG.
 * (The Kafka outage path is checked the same way in KafkaOutageIT.)
 */
@QuarkusTest
@QuarkusTestResource(AttuneStackResource.class)
class LogPrivacyIT {

    @BeforeAll
    static void actAsTheTenantsApp() {
        TestAuth.actAsApp();
    }

    private static final List<String> VERBOSE = List.of("io.attune", "io.quarkus.rest", "org.jboss.resteasy.reactive",
            "io.quarkus.vertx.http", "org.hibernate.validator");

    @Test
    void markerTextNeverAppearsInAnyLogRecord() {
        String marker = "privacy-marker-" + UUID.randomUUID();
        String clientId = Api.newClientId("privacy");
        List<Level> previous = VERBOSE.stream().map(name -> Logger.getLogger(name).getLevel()).toList();
        VERBOSE.forEach(name -> Logger.getLogger(name).setLevel(Level.FINE));
        try (LogCapture logs = LogCapture.start()) {
            String entry = given().contentType(ContentType.JSON).header("Idempotency-Key", "privacy-key")
                    .body(Api.entry(marker)).post(Api.ENTRIES, clientId).then().statusCode(202).extract().path("id");
            String sample = Api.accept(Api.CONVERSATIONS, clientId, Api.conversation(marker));
            KafkaTopics.awaitRecord("journal-entries", entry);
            KafkaTopics.awaitRecord("conversation-samples", sample);
            given().get(Api.ENTRIES + "/{id}", clientId, entry).then().statusCode(200);
            given().get(Api.CONVERSATIONS, clientId).then().statusCode(200);

            // Rejected requests carrying the text in every place a parser or validator might quote it.
            List<String> rejected = List.of(
                    "{\"text\":\"" + marker + "\",\"context\":\"" + marker + "\"}",
                    "{\"text\":\"" + marker + "\",\"" + marker + "\":1}",
                    "{\"text\":\"" + marker + "\",\"emotions\":[{\"label\":\"" + marker + "\",\"intensity\":\"" + marker + "\"}]}",
                    "{\"text\":\"" + marker + "\",\"occurredAt\":\"" + marker + "\"}",
                    "{\"text\":\"" + marker + "\",\"locale\":\"" + marker + "\"}",
                    "{\"text\":\"" + marker.repeat(600) + "\"}",
                    "{\"text\":\"" + marker + "\"" + marker,
                    "{\"text\":\"" + marker + "\"} " + marker);
            for (String body : rejected) {
                given().contentType(ContentType.JSON).body(body).post(Api.ENTRIES, clientId).then().statusCode(400);
            }
            given().contentType(ContentType.JSON).body(Api.conversation(marker).replace("\"Steve\",\"turns\"", "\"" + marker + "\",\"turns\""))
                    .post(Api.CONVERSATIONS, clientId).then().statusCode(400);
            given().contentType(ContentType.JSON).header("Idempotency-Key", "privacy-key").body(Api.entry(marker + " changed"))
                    .post(Api.ENTRIES, clientId).then().statusCode(409);
            given().contentType(ContentType.TEXT).body(marker).post(Api.ENTRIES, clientId).then().statusCode(415);

            given().delete("/api/v1/clients/{clientId}", clientId).then().statusCode(202);

            assertThat(logs.linesContaining(marker)).as("log records quoting journal text").isEmpty();
            // The capture really sees the service's records: the erasure is logged, under the client's keyed hash.
            assertThat(logs.linesContaining(ClientRef.of(clientId))).isNotEmpty();
            assertThat(logs.linesContaining(clientId)).as("log records naming the client").isEmpty();
        } finally {
            for (int i = 0; i < VERBOSE.size(); i++) {
                Logger.getLogger(VERBOSE.get(i)).setLevel(previous.get(i));
            }
        }
    }
}
