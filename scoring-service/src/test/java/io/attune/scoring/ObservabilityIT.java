package io.attune.scoring;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.attune.infra.testing.AttuneStackResource;
import io.attune.infra.testing.TestAuth;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The trace continues from the input record to the score, and the metrics operators read are there. */
@QuarkusTest
@QuarkusTestResource(AttuneStackResource.class)
class ObservabilityIT {

    @BeforeAll
    static void actAsTheTenantsApp() {
        TestAuth.actAsApp();
    }

    @Test
    void theScoreRecordContinuesTheTraceOfItsInput() {
        String traceId = hex(16);
        String clientId = "trace-it-" + UUID.randomUUID();
        String sampleId = UUID.randomUUID().toString();
        KafkaTestClient.publish("conversation-samples", clientId, sampleId, "attune.journal.conversation-recorded.v1",
                ScoringPipelineIT.conversation(sampleId, clientId, "Tell me more, what happened?"),
                Map.of("traceparent", "00-" + traceId + "-" + hex(8) + "-01"));

        List<ConsumerRecord<String, String>> scores = KafkaTestClient.collect("attunement-scores",
                r -> clientId.equals(r.key()), 1, Duration.ofSeconds(30));
        assertThat(scores).hasSize(1);
        assertThat(KafkaTestClient.header(scores.get(0), "traceparent")).startsWith("00-" + traceId + "-");
    }

    @Test
    void engineConsumerAndKafkaClientMetricsAreExposed() {
        String clientId = "metrics-it-" + UUID.randomUUID();
        String sampleId = UUID.randomUUID().toString();
        KafkaTestClient.publish("conversation-samples", clientId, sampleId, "attune.journal.conversation-recorded.v1",
                ScoringPipelineIT.conversation(sampleId, clientId, "That sounds hard."));
        assertThat(KafkaTestClient.collect("attunement-scores", r -> clientId.equals(r.key()), 1,
                Duration.ofSeconds(30))).hasSize(1);

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("attune_scoring_engine_seconds_bucket{kind=\"conversation\"");
        assertThat(metrics.lines().filter(l -> l.startsWith("attune_consumer_processing_seconds_bucket{")))
                .anyMatch(l -> l.contains("channel=\"conversation-samples\""));
        assertThat(metrics.lines()).anyMatch(l -> l.startsWith("kafka_consumer_fetch_manager_records_consumed_total{"));
        assertThat(metrics.lines()).anyMatch(l -> l.startsWith("kafka_producer_record_send_total{"));
    }

    @Test
    void httpMetricsNeverCarryARawPath() {
        String id = UUID.randomUUID().toString();
        given().get("/api/v1/clients/{id}/analyses", id).then().statusCode(404);
        given().get("/api/v1/analyses/{id}", id).then().statusCode(404);

        assertThat(given().get("/q/metrics").then().statusCode(200).extract().asString()).doesNotContain(id);
    }

    private static String hex(int bytes) {
        byte[] value = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(value);
        value[0] |= 1;
        return HexFormat.of().formatHex(value);
    }
}
