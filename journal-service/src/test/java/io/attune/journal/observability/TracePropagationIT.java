package io.attune.journal.observability;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import io.attune.infra.testing.AttuneStackResource;
import io.attune.infra.testing.TestAuth;
import io.attune.journal.Api;
import io.attune.journal.KafkaTopics;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The trace of a POST continues on the Kafka record that the outbox relay publishes later, on another thread:
 * the traceparent is stored with the document and injected as a header by the relay's producer.
 */
@QuarkusTest
@QuarkusTestResource(AttuneStackResource.class)
class TracePropagationIT {

    @BeforeAll
    static void actAsTheTenantsApp() {
        TestAuth.actAsApp();
    }

    @Inject
    InMemorySpanExporter spans;

    @Test
    void journalEntryRecordCarriesTheTraceOfThePost() {
        String traceId = randomHex(16);
        String clientId = Api.newClientId("trace");
        String id = given().contentType(ContentType.JSON).header("traceparent", "00-" + traceId + "-" + randomHex(8) + "-01")
                .body(Api.entry("Noticed the tension before the meeting.")).post(Api.ENTRIES, clientId)
                .then().statusCode(202).extract().path("id");

        ConsumerRecord<String, String> record = KafkaTopics.awaitRecord("journal-entries", id);
        String traceparent = KafkaTopics.header(record, "traceparent");
        assertThat(traceparent).as("traceparent header").isNotNull();
        String[] parts = traceparent.split("-");
        assertThat(parts[1]).isEqualTo(traceId);

        // The header names the relay's producer span, a child within the POST's trace.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(spans.getFinishedSpanItems())
                .filteredOn(span -> span.getKind() == SpanKind.PRODUCER && span.getTraceId().equals(traceId))
                .extracting(SpanData::getSpanId).contains(parts[2]));
        assertThat(spans.getFinishedSpanItems()).filteredOn(span -> span.getSpanId().equals(parts[2]))
                .singleElement().satisfies(span -> {
                    assertThat(span.getName()).isEqualTo("journal-entries publish");
                    assertThat(span.getParentSpanContext().isValid()).isTrue();
                });
    }

    @Test
    void conversationRecordCarriesTheTraceOfThePost() {
        String traceId = randomHex(16);
        String clientId = Api.newClientId("trace");
        String id = given().contentType(ContentType.JSON).header("traceparent", "00-" + traceId + "-" + randomHex(8) + "-01")
                .body(Api.conversation("That sounds painful. What did you feel?")).post(Api.CONVERSATIONS, clientId)
                .then().statusCode(202).extract().path("id");

        ConsumerRecord<String, String> record = KafkaTopics.awaitRecord("conversation-samples", id);
        assertThat(KafkaTopics.header(record, "traceparent")).startsWith("00-" + traceId + "-");
    }

    private static String randomHex(int bytes) {
        byte[] value = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(value);
        value[0] |= 1; // never all zeros, which W3C defines as invalid
        return HexFormat.of().formatHex(value);
    }
}
