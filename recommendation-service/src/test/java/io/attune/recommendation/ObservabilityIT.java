package io.attune.recommendation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.attune.infra.testing.AttuneStackResource;
import io.attune.infra.testing.TestAuth;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The trace of a score continues, through the recommendation outbox, on the recommendation events it causes; and
 * the metrics operators read are there, with bounded labels.
 */
@QuarkusTest
@QuarkusTestResource(AttuneStackResource.class)
class ObservabilityIT {

    @BeforeAll
    static void actAsTheTenantsApp() {
        TestAuth.actAsApp();
    }

    @Test
    void recommendationEventsContinueTheTraceOfTheScore() {
        String traceId = hex(16);
        String clientId = "trace-it-" + UUID.randomUUID();
        KafkaTestClient.publishTraced(ScoreEvent.misattunedConversation(clientId),
                "00-" + traceId + "-" + hex(8) + "-01");

        List<ConsumerRecord<String, String>> events = KafkaTestClient.recommendationEvents(clientId, 1,
                Duration.ofSeconds(30));
        assertThat(events).isNotEmpty();
        assertThat(events).allSatisfy(record -> assertThat(KafkaTestClient.header(record, "traceparent"))
                .startsWith("00-" + traceId + "-"));
    }

    @Test
    void metricsAreBoundedAndComplete() {
        String clientId = "metrics-it-" + UUID.randomUUID();
        String itemId = UUID.randomUUID().toString();
        KafkaTestClient.publish(ScoreEvent.misattunedConversation(clientId));
        assertThat(KafkaTestClient.recommendationEvents(clientId, 1, Duration.ofSeconds(30))).isNotEmpty();
        given().get("/api/v1/clients/{clientId}/recommendations", clientId).then().statusCode(200);
        given().get("/api/v1/clients/{clientId}/recommendations/{id}", clientId, itemId).then().statusCode(404);
        given().get("/api/v1/clients/{clientId}/no-such-collection", clientId).then().statusCode(404);

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).doesNotContain(clientId).doesNotContain(itemId);
        assertThat(metrics).contains("uri=\"/api/v1/clients/{clientId}/recommendations\"");
        assertThat(metrics.lines().filter(l -> l.startsWith("attune_consumer_processing_seconds_bucket{")))
                .anyMatch(l -> l.contains("channel=\"attunement-scores\""));
        assertThat(metrics.lines()).anyMatch(l -> l.startsWith("kafka_consumer_fetch_manager_records_consumed_total{"));
        assertThat(metrics.lines()).anyMatch(l -> l.startsWith("kafka_producer_record_send_total{"));
    }

    private static String hex(int bytes) {
        byte[] value = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(value);
        value[0] |= 1;
        return HexFormat.of().formatHex(value);
    }
}
