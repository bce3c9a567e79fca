package io.attune.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.attune.chassis.crypto.DataKey;
import io.attune.chassis.crypto.MasterKey;
import io.attune.chassis.crypto.SealedFields;
import io.attune.chassis.crypto.WrappedKey;
import io.attune.infra.testing.AttuneStackResource;
import io.attune.infra.testing.KeyServiceStub;
import io.attune.infra.testing.EventContract;
import io.attune.infra.testing.TestAuth;
import io.attune.infra.testing.TestTokens;
import io.attune.scoring.engine.AttunementAnalyzer;
import io.attune.scoring.messaging.AttunementScoreComputed;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Kafka side of scoring-service, through the real broker. */
@QuarkusTest
@QuarkusTestResource(AttuneStackResource.class)
class ScoringPipelineIT {

    @BeforeAll
    static void actAsTheTenantsApp() {
        TestAuth.actAsApp();
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(30);

    /**
     * Words sealed with the client's data key (docs/security.md#crypto-shredding): the key comes from the key
     * service, the score's evidence leaves sealed with it; once the key is gone (the client erased), the next event
     * of the client is skipped, not dead-lettered, and the partition goes on.
     */
    @Test
    void sealedWordsAreScoredWhileTheKeyExistsAndSkippedOnceItIsGone() throws Exception {
        String clientId = "score-it-sealed-" + UUID.randomUUID();
        MasterKey master = MasterKey.fromBase64(Files.readString(TestTokens.masterKey()));
        DataKey key = DataKey.generate(clientId);
        KeyServiceStub.put(clientId, JSON.writeValueAsString(WrappedKey.of(master, key)));
        String sampleId = UUID.randomUUID().toString();
        KafkaTestClient.publish("conversation-samples", clientId, sampleId, "attune.journal.conversation-recorded.v1",
                sealed(conversation(sampleId, clientId, "That sucks! Just forget it."), key));

        List<ConsumerRecord<String, String>> scores = KafkaTestClient.collect("attunement-scores",
                r -> clientId.equals(r.key()), 1, WAIT);
        assertThat(scores).hasSize(1);
        String score = scores.get(0).value();
        EventContract.assertValid(EventContract.ATTUNEMENT_SCORE_COMPUTED, score);
        assertThat(score).doesNotContain("forget it");
        JsonNode opened = JSON.readTree(score);
        assertThat(SealedFields.openAll(opened, key)).isPositive();
        assertThat(dimension(opened, "exploration").path("evidence").findValuesAsText("text"))
                .anyMatch(text -> text.contains("forget it"));

        KeyServiceStub.remove(clientId);
        String erasedId = UUID.randomUUID().toString();
        String otherKid = DataKey.generate(clientId).kid();
        KafkaTestClient.publish("conversation-samples", clientId, erasedId, "attune.journal.conversation-recorded.v1",
                sealed(conversation(erasedId, clientId, "Whatever."), new DataKey(clientId, otherKid, key.key())));
        String after = UUID.randomUUID().toString();
        KafkaTestClient.publish("conversation-samples", clientId, after, "attune.journal.conversation-recorded.v1",
                conversation(after, clientId, "Tell me more about it."));

        assertThat(KafkaTestClient.collect("attunement-scores", r -> clientId.equals(r.key()), 3, Duration.ofSeconds(15)))
                .as("the first score, then only the one of the event in the clear").hasSize(2);
        assertThat(KafkaTestClient.collect("conversation-samples-dlq", r -> clientId.equals(r.key()), 1,
                Duration.ofSeconds(3))).isEmpty();
    }

    private static String sealed(String event, DataKey key) throws Exception {
        JsonNode tree = JSON.readTree(event);
        SealedFields.sealAll(tree, key, SealedFields.named("text"));
        return JSON.writeValueAsString(tree);
    }

    @Test
    void conversationSampleYieldsOneScoreEventWithEvidence() throws Exception {
        String clientId = "score-it-" + UUID.randomUUID();
        String sampleId = UUID.randomUUID().toString();
        String sample = conversation(sampleId, clientId, "That sucks! Just forget it.");
        EventContract.assertValid(EventContract.CONVERSATION_SAMPLE_RECORDED, sample);

        KafkaTestClient.publish("conversation-samples", clientId, sampleId,
                "attune.journal.conversation-recorded.v1", sample);

        List<ConsumerRecord<String, String>> scores = KafkaTestClient.collect("attunement-scores",
                r -> clientId.equals(r.key()), 2, Duration.ofSeconds(10));
        assertThat(scores).hasSize(1);
        ConsumerRecord<String, String> record = scores.get(0);
        EventContract.assertValid(EventContract.ATTUNEMENT_SCORE_COMPUTED, record.value());
        assertThat(KafkaTestClient.header(record, "ce_type")).isEqualTo("attune.scoring.score-computed.v1");
        assertThat(KafkaTestClient.header(record, "ce_subject")).isEqualTo(clientId);
        assertThat(KafkaTestClient.header(record, "ce_id"))
                .isEqualTo(AttunementScoreComputed.scoreId(sampleId, AttunementAnalyzer.SCORER_VERSION));

        JsonNode score = JSON.readTree(record.value());
        assertThat(score.path("sourceEventId").asText()).isEqualTo(sampleId);
        assertThat(score.path("sourceRecordedAt").asText()).isEqualTo("2026-11-20T19:05:00Z");
        assertThat(score.path("overall").path("band").asText()).isEqualTo("misattuned");
        JsonNode exploration = dimension(score, "exploration");
        assertThat(exploration.path("evidence").findValuesAsText("signal")).contains("closing-comment");
        assertThat(exploration.path("evidence").findValuesAsText("text")).anyMatch(t -> t.contains("forget it"));
        assertThat(score.path("scorerVersion").asText()).isEqualTo(AttunementAnalyzer.SCORER_VERSION);
    }

    @Test
    void redeliveredInputYieldsTheSameScoreId() throws Exception {
        String clientId = "redeliver-it-" + UUID.randomUUID();
        String sampleId = UUID.randomUUID().toString();
        String sample = conversation(sampleId, clientId, "That's not right! It must be very difficult to deal with him, honey.");
        KafkaTestClient.publish("conversation-samples", clientId, sampleId, "attune.journal.conversation-recorded.v1", sample);
        KafkaTestClient.publish("conversation-samples", clientId, sampleId, "attune.journal.conversation-recorded.v1", sample);

        List<ConsumerRecord<String, String>> scores = KafkaTestClient.collect("attunement-scores",
                r -> clientId.equals(r.key()), 2, WAIT);
        assertThat(scores).hasSize(2);
        assertThat(scores).extracting(r -> KafkaTestClient.header(r, "ce_id")).containsOnly(
                AttunementScoreComputed.scoreId(sampleId, AttunementAnalyzer.SCORER_VERSION));
        assertThat(JSON.readTree(scores.get(0).value()).path("overall").path("band").asText()).isEqualTo("attuned");
    }

    @Test
    void journalEntryIsScoredWithJournalDimensions() throws Exception {
        String clientId = "journal-it-" + UUID.randomUUID();
        String entryId = UUID.randomUUID().toString();
        String entry = """
                {"entryId":"%s","clientId":"%s","context":"self",
                 "text":"I kept scrolling my phone through dinner while my partner talked. I felt guilty afterwards.",
                 "emotions":[{"label":"guilty","intensity":6}],"locale":"en",
                 "occurredAt":"2026-11-20T19:00:00Z","recordedAt":"2026-11-20T19:05:00Z"}"""
                .formatted(entryId, clientId);
        EventContract.assertValid(EventContract.JOURNAL_ENTRY_RECORDED, entry);
        KafkaTestClient.publish("journal-entries", clientId, entryId, "attune.journal.entry-recorded.v1", entry);

        List<ConsumerRecord<String, String>> scores = KafkaTestClient.collect("attunement-scores",
                r -> clientId.equals(r.key()), 1, WAIT);
        assertThat(scores).hasSize(1);
        EventContract.assertValid(EventContract.ATTUNEMENT_SCORE_COMPUTED, scores.get(0).value());
        JsonNode score = JSON.readTree(scores.get(0).value());
        assertThat(score.path("kind").asText()).isEqualTo("journal");
        assertThat(score.path("dimensions").findValuesAsText("name")).containsExactly("emotional-awareness",
                "trigger-insight", "self-compassion", "acceptance", "mindfulness", "focus");
        assertThat(dimension(score, "focus").path("evidence").size()).isPositive();
    }

    @Test
    void poisonMessageGoesToTheDlqAndConsumptionContinues() throws Exception {
        String clientId = "poison-it-" + UUID.randomUUID();
        String poisonId = UUID.randomUUID().toString();
        KafkaTestClient.publish("conversation-samples", clientId, poisonId,
                "attune.journal.conversation-recorded.v1", "{not json at all");
        String sampleId = UUID.randomUUID().toString();
        KafkaTestClient.publish("conversation-samples", clientId, sampleId,
                "attune.journal.conversation-recorded.v1", conversation(sampleId, clientId, "Tell me more, what happened?"));

        List<ConsumerRecord<String, String>> dead = KafkaTestClient.collect("conversation-samples-dlq",
                r -> clientId.equals(r.key()), 1, WAIT);
        assertThat(dead).hasSize(1);
        assertThat(dead.get(0).value()).isEqualTo("{not json at all");
        assertThat(KafkaTestClient.header(dead.get(0), "dead-letter-reason")).isNotBlank();

        List<ConsumerRecord<String, String>> scores = KafkaTestClient.collect("attunement-scores",
                r -> clientId.equals(r.key()), 1, WAIT);
        assertThat(scores).extracting(r -> KafkaTestClient.header(r, "ce_id")).containsExactly(
                AttunementScoreComputed.scoreId(sampleId, AttunementAnalyzer.SCORER_VERSION));
    }

    @Test
    void documentedExampleEventIsConsumed() throws Exception {
        JsonNode example = JSON.readTree(EventContract.example(EventContract.CONVERSATION_SAMPLE_RECORDED));
        String clientId = "example-it-" + UUID.randomUUID();
        String sampleId = UUID.randomUUID().toString();
        ((com.fasterxml.jackson.databind.node.ObjectNode) example).put("clientId", clientId).put("sampleId", sampleId);
        KafkaTestClient.publish("conversation-samples", clientId, sampleId, "attune.journal.conversation-recorded.v1",
                example.toString());

        List<ConsumerRecord<String, String>> scores = KafkaTestClient.collect("attunement-scores",
                r -> clientId.equals(r.key()), 1, WAIT);
        assertThat(scores).hasSize(1);
        EventContract.assertValid(EventContract.ATTUNEMENT_SCORE_COMPUTED, scores.get(0).value());
    }

    private static JsonNode dimension(JsonNode score, String name) {
        for (JsonNode dimension : score.path("dimensions")) {
            if (name.equals(dimension.path("name").asText())) {
                return dimension;
            }
        }
        throw new AssertionError("no dimension " + name + " in " + score);
    }

    static String conversation(String sampleId, String clientId, String reply) {
        return """
                {"sampleId":"%s","clientId":"%s","relationship":"partner","clientSpeaker":"Steve",
                 "turns":[{"speaker":"Ann","text":"Guess what happened today - my supervisor called me stupid again. This is the third time, ugh I hate him!"},
                          {"speaker":"Steve","text":"%s"}],
                 "locale":"en","occurredAt":"2026-11-20T19:00:00Z","recordedAt":"2026-11-20T19:05:00Z"}"""
                .formatted(sampleId, clientId, reply);
    }
}
