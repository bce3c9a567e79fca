package io.attune.journal.messaging;

import static io.attune.journal.KafkaTopics.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.attune.infra.testing.AttuneStackResource;
import io.attune.infra.testing.EventContract;
import io.attune.infra.testing.TestAuth;
import io.attune.journal.Api;
import io.attune.journal.KafkaTopics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every event journal-service produces, read back from the real broker: the payload matches its schema in
 * docs/events and the CloudEvents headers match asyncapi.yaml.
 */
@QuarkusTest
@QuarkusTestResource(AttuneStackResource.class)
class EventContractIT {

    @BeforeAll
    static void actAsTheTenantsApp() {
        TestAuth.actAsApp();
    }

    @Test
    void journalEntryRecordedMatchesTheContract() {
        String clientId = Api.newClientId("contract");
        String emotions = IntStream.rangeClosed(1, 20).mapToObj(i -> "{\"label\":\"feeling-" + i + "\",\"intensity\":" + (i % 10 + 1) + "}")
                .collect(Collectors.joining(","));
        String id = Api.accept(Api.ENTRIES, clientId, "{\"text\":\"" + "w".repeat(20_000) + "\",\"emotions\":[" + emotions
                + "],\"context\":\"child\",\"locale\":\"en-US\",\"occurredAt\":\"2025-03-14T17:30:00.123456+02:00\"}");
        String minimal = Api.accept(Api.ENTRIES, clientId, Api.entry("Noticed my shoulders were tight."));

        for (String entryId : new String[] { id, minimal }) {
            ConsumerRecord<String, String> record = KafkaTopics.awaitRecord("journal-entries", entryId);
            EventContract.assertValid(EventContract.JOURNAL_ENTRY_RECORDED, record.value());
            assertHeaders(record, entryId, clientId, "attune.journal.entry-recorded.v1", "journal-entry-recorded.v1");
            JsonPath payload = JsonPath.from(record.value());
            assertThat(payload.getString("entryId")).isEqualTo(entryId);
            assertThat(payload.getString("clientId")).isEqualTo(clientId);
        }
        JsonPath full = JsonPath.from(KafkaTopics.awaitRecord("journal-entries", id).value());
        assertThat(full.getList("emotions")).hasSize(20);
        assertThat(full.getString("context")).isEqualTo("child");
        assertThat(full.getString("occurredAt")).isEqualTo("2025-03-14T15:30:00.123Z");
    }

    @Test
    void conversationSampleRecordedMatchesTheContract() {
        String clientId = Api.newClientId("contract");
        String turns = IntStream.range(0, 50).mapToObj(i -> "{\"speaker\":\"" + (i % 2 == 0 ? "Ann" : "Steve")
                + "\",\"text\":\"" + "t".repeat(2000) + "\"}").collect(Collectors.joining(","));
        String id = Api.accept(Api.CONVERSATIONS, clientId, "{\"relationship\":\"colleague\",\"clientSpeaker\":\"Steve\",\"turns\":["
                + turns + "],\"locale\":\"en\"}");

        ConsumerRecord<String, String> record = KafkaTopics.awaitRecord("conversation-samples", id);
        EventContract.assertValid(EventContract.CONVERSATION_SAMPLE_RECORDED, record.value());
        assertHeaders(record, id, clientId, "attune.journal.conversation-recorded.v1", "conversation-sample-recorded.v1");
        JsonPath payload = JsonPath.from(record.value());
        assertThat(payload.getString("sampleId")).isEqualTo(id);
        assertThat(payload.getList("turns")).hasSize(50);
        assertThat(payload.getString("clientSpeaker")).isEqualTo("Steve");
    }

    @Test
    void clientErasureRequestedMatchesTheContract() {
        String clientId = Api.newClientId("contract");
        Api.accept(Api.ENTRIES, clientId, Api.entry("to be forgotten"));
        String erasureId = given().delete("/api/v1/clients/{clientId}", clientId).then().statusCode(202)
                .extract().path("erasureId");

        ConsumerRecord<String, String> record = KafkaTopics.awaitRecord("client-erasures", erasureId);
        EventContract.assertValid(EventContract.CLIENT_ERASURE_REQUESTED, record.value());
        assertHeaders(record, erasureId, clientId, "attune.journal.client-erasure-requested.v1", "client-erasure-requested.v1");
        assertThat(JsonPath.from(record.value()).getString("erasureId")).isEqualTo(erasureId);
    }

    private static void assertHeaders(ConsumerRecord<String, String> record, String id, String clientId, String type,
            String schema) {
        assertThat(record.key()).isEqualTo(clientId);
        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(record, "ce_id")).isEqualTo(id);
        assertThat(UUID.fromString(header(record, "ce_id")).toString()).isEqualTo(id);
        assertThat(header(record, "ce_source")).isEqualTo("/attune/journal-service");
        assertThat(header(record, "ce_type")).isEqualTo(type);
        assertThat(header(record, "ce_subject")).isEqualTo(clientId);
        assertThat(OffsetDateTime.parse(header(record, "ce_time"))).isNotNull();
        assertThat(header(record, "ce_dataschema")).isEqualTo("https://attune.io/schemas/" + schema + ".schema.json");
        assertThat(header(record, "content-type")).isEqualTo("application/json");
        assertThat(JsonPath.from(record.value()).getString("clientId")).isEqualTo(clientId);
    }
}
