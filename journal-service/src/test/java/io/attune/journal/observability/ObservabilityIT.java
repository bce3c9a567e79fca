package io.attune.journal.observability;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

import java.util.UUID;

import io.attune.infra.testing.AttuneStackResource;
import io.attune.infra.testing.TestAuth;
import io.attune.journal.Api;
import io.attune.journal.KafkaTopics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What operators read: bounded metric labels, the outbox producer's client metrics, and its health. */
@QuarkusTest
@QuarkusTestResource(AttuneStackResource.class)
class ObservabilityIT {

    @BeforeAll
    static void actAsTheTenantsApp() {
        TestAuth.actAsApp();
    }

    @Test
    void httpMetricsNeverCarryAClientOrItemId() {
        String clientId = "metrics-" + UUID.randomUUID();
        String itemId = UUID.randomUUID().toString();
        Api.accept(Api.ENTRIES, clientId, Api.entry("A calm morning."));
        given().get(Api.ENTRIES, clientId).then().statusCode(200);
        given().get(Api.ENTRIES + "/{id}", clientId, itemId).then().statusCode(404);
        given().get("/api/v1/clients/{clientId}/no-such-collection/{id}", clientId, itemId).then().statusCode(404);
        given().get("/api/v1/no-such-resource/{id}", itemId).then().statusCode(404);
        given().contentType(ContentType.JSON).body("{\"text\":").post(Api.ENTRIES, clientId).then().statusCode(400);
        given().contentType(ContentType.JSON).body("{}").put("/api/v1/clients/{clientId}/journal-entries/{id}",
                clientId, itemId).then().statusCode(405);

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).doesNotContain(clientId).doesNotContain(itemId);
        assertThat(metrics).contains("uri=\"/api/v1/clients/{clientId}/journal-entries\"")
                .contains("uri=\"/api/v1/clients/{clientId}/journal-entries/{id}\"");
        // Request latency has buckets, so p99 can be computed across replicas.
        assertThat(metrics).contains("http_server_requests_seconds_bucket{");
    }

    @Test
    void theOutboxProducerExposesKafkaClientMetrics() {
        Api.accept(Api.ENTRIES, Api.newClientId("metrics"), Api.entry("Slept well."));
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics.lines().filter(line -> line.startsWith("kafka_producer_record_send_total{")))
                .anyMatch(line -> line.contains("client_id=\"journal-service-outbox\""));
        assertThat(metrics.lines().filter(line -> line.startsWith("kafka_producer_request_latency_avg{")))
                .anyMatch(line -> line.contains("client_id=\"journal-service-outbox\""));
    }

    @Test
    void theOutboxHasHealthChecks() {
        String id = Api.accept(Api.ENTRIES, Api.newClientId("health"), Api.entry("Walked by the river."));
        KafkaTopics.awaitRecord("journal-entries", id);

        given().get("/q/health/ready").then().statusCode(200).body("checks.name", hasItem("outbox-relay"));
        given().get("/q/health/live").then().statusCode(200).body("checks.name", hasItem("outbox-relay"));
        given().get("/q/health/well").then().statusCode(200)
                .body("checks.find { it.name == 'kafka-outbox-producer' }.status", org.hamcrest.Matchers.is("UP"))
                .body("checks.find { it.name == 'kafka-outbox-producer' }.data.lastAcknowledged",
                        org.hamcrest.Matchers.notNullValue());
    }
}
