package io.attune.journal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import io.attune.infra.testing.AttuneStackResource;
import io.attune.infra.testing.EventContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(AttuneStackResource.class)
class JournalIntakeIT {

    @Test
    void conversationIsStoredAndPublishedWithCloudEventHeaders() {
        String clientId = "it-" + UUID.randomUUID();
        String id = given().contentType(ContentType.JSON)
                .body("""
                        {"relationship":"partner","clientSpeaker":"Steve","turns":[
                          {"speaker":"Ann","text":"My supervisor called me stupid again. I hate him!"},
                          {"speaker":"Steve","text":"That sucks! Just forget it."}]}""")
                .post("/api/v1/clients/{clientId}/conversations", clientId)
                .then().statusCode(202).body("id", notNullValue()).body("status", equalTo("accepted"))
                .extract().path("id");

        ConsumerRecord<String, String> record = awaitRecord("conversation-samples", id);
        assertThat(record.key()).isEqualTo(clientId);
        assertThat(header(record, "ce_type")).isEqualTo("attune.journal.conversation-recorded.v1");
        assertThat(header(record, "ce_subject")).isEqualTo(clientId);
        EventContract.assertValid(EventContract.CONVERSATION_SAMPLE_RECORDED, record.value());

        given().get("/api/v1/clients/{clientId}/conversations/{id}", clientId, id)
                .then().statusCode(200).body("publication", equalTo("published"));
    }

    static ConsumerRecord<String, String> awaitRecord(String topic, String ceId) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            List<String> seen = new ArrayList<>();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (ceId.equals(header(record, "ce_id"))) {
                        return record;
                    }
                    seen.add(header(record, "ce_id"));
                }
            }
            throw new AssertionError("no record with ce_id " + ceId + " on " + topic + " within 30 s; saw " + seen.size());
        }
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
