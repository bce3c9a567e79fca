package io.attune.journal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.util.UUID;

import io.attune.infra.testing.AttuneStackResource;
import io.attune.infra.testing.EventContract;
import io.attune.infra.testing.TestAuth;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(AttuneStackResource.class)
class JournalIntakeIT {

    @BeforeAll
    static void actAsTheTenantsApp() {
        TestAuth.actAsApp();
    }

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

        ConsumerRecord<String, String> record = KafkaTopics.awaitRecord("conversation-samples", id);
        assertThat(record.key()).isEqualTo(clientId);
        assertThat(KafkaTopics.header(record, "ce_type")).isEqualTo("attune.journal.conversation-recorded.v1");
        assertThat(KafkaTopics.header(record, "ce_subject")).isEqualTo(clientId);
        EventContract.assertValid(EventContract.CONVERSATION_SAMPLE_RECORDED, record.value());

        given().get("/api/v1/clients/{clientId}/conversations/{id}", clientId, id)
                .then().statusCode(200).body("publication", equalTo("published"));
    }
}
