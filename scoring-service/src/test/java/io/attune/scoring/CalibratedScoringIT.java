package io.attune.scoring;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.attune.infra.testing.AttuneStackResource;
import io.attune.infra.testing.EventContract;
import io.attune.infra.testing.TestAuth;
import io.attune.scoring.engine.AttunementAnalyzer;
import io.attune.scoring.engine.calibration.CalibrateCommand;
import io.attune.scoring.engine.calibration.CalibrationModel;
import io.attune.scoring.messaging.AttunementScoreComputed;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** scoring-service with {@code attune.scoring.model} set scores through the calibration model it names. */
@QuarkusTest
@TestProfile(CalibratedScoringIT.WithModel.class)
@QuarkusTestResource(AttuneStackResource.class)
class CalibratedScoringIT {

    @BeforeAll
    static void actAsTheTenantsApp() {
        TestAuth.actAsApp();
    }

    /** Trains a model on a small written label file before the application starts. */
    public static class WithModel implements QuarkusTestProfile {
        static final Path MODEL = train();

        private static Path train() {
            try {
                Path dir = Files.createTempDirectory("attune-calibrated-it");
                StringBuilder labels = new StringBuilder();
                String[] bids = { "I failed my driving test again.", "My dog died this morning.",
                        "I didn't get the job I wanted.", "My sister is ignoring my calls." };
                String[] good = { "I'm so sorry. How are you feeling about it?", "That sounds so hard, what happened?",
                        "Oh no, I'm sorry. What was the hardest part?", "That really hurts. How did you react?" };
                String[] poor = { "Whatever, it happens.", "Just try again next week.", "Could be worse.",
                        "Anyway, did you see the game?" };
                for (int i = 0; i < 48; i++) {
                    boolean attuned = i % 2 == 0;
                    String reply = (attuned ? good : poor)[(i / 2) % 4];
                    labels.append("{\"kind\":\"conversation\",\"relationship\":\"friend\",\"clientSpeaker\":\"Kim\","
                            + "\"turns\":[{\"speaker\":\"Ann\",\"text\":\"").append(bids[(i / 8) % 4])
                            .append("\"},{\"speaker\":\"Kim\",\"text\":\"").append(reply)
                            .append("\"}],\"labels\":{\"inquiry\":").append(attuned ? 1 : 0)
                            .append(",\"overall\":").append(attuned ? 1 : 0).append("}}\n");
                }
                Path file = Files.writeString(dir.resolve("labels.jsonl"), labels.toString());
                Path model = dir.resolve("model.json");
                int code = CalibrateCommand.run(new String[] { "--labels", file.toString(), "--out", model.toString() },
                        System.out, System.err);
                if (code != 0) {
                    throw new IllegalStateException("attune calibrate exited with " + code);
                }
                return model;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("attune.scoring.model", MODEL.toString());
        }
    }

    @Test
    void analysesAreScoredByTheConfiguredModel() throws IOException {
        String name = CalibrationModel.load(WithModel.MODEL).name();
        String body = given().contentType(ContentType.JSON).body("""
                {"kind":"conversation","relationship":"friend","clientSpeaker":"Kim",
                 "turns":[{"speaker":"Ann","text":"I failed my driving test again."},
                          {"speaker":"Kim","text":"Oh no, I'm sorry. What was the hardest part?"}]}""")
                .post("/api/v1/analyses")
                .then().statusCode(200)
                .body("assessment.scorerVersion", equalTo(AttunementAnalyzer.SCORER_VERSION + "+" + name))
                .body("assessment.dimensions.find { it.name == 'inquiry' }.calibration.logit", notNullValue())
                .body("assessment.dimensions.find { it.name == 'inquiry' }.evidence.contribution", everyItem(notNullValue()))
                .body("assessment.dimensions.find { it.name == 'inquiry' }.evidence", hasSize(lessThanOrEqualTo(9)))
                .body("assessment.dimensions.find { it.name == 'acknowledgement' }.calibration", equalTo(null))
                .body("assessment.overall.calibration.evidence[0].contribution", notNullValue())
                .extract().asString();
        // Jackson, not JsonPath: JsonPath reads numbers as floats, too coarse for the identity
        JsonNode inquiry = null;
        for (JsonNode d : new ObjectMapper().readTree(body).path("assessment").path("dimensions")) {
            if (d.path("name").asText().equals("inquiry")) {
                inquiry = d;
            }
        }
        double logit = inquiry.path("calibration").path("logit").asDouble();
        double sum = inquiry.path("calibration").path("baseline").asDouble();
        for (JsonNode e : inquiry.path("evidence")) {
            sum += e.path("contribution").asDouble();
        }
        org.assertj.core.api.Assertions.assertThat(sum).isCloseTo(logit, org.assertj.core.api.Assertions.within(1e-9));
        org.assertj.core.api.Assertions.assertThat(inquiry.path("score").asInt())
                .isEqualTo((int) Math.round(100 / (1 + Math.exp(-logit)))).isGreaterThan(50);
    }

    @Test
    void publishedScoresCarryTheCalibrationAndMatchTheEventSchema() throws IOException {
        String name = CalibrationModel.load(WithModel.MODEL).name();
        String clientId = "calibrated-it-" + UUID.randomUUID();
        String sampleId = UUID.randomUUID().toString();
        KafkaTestClient.publish("conversation-samples", clientId, sampleId, "attune.journal.conversation-recorded.v1",
                ScoringPipelineIT.conversation(sampleId, clientId, "That sounds so hard, what happened?"));

        List<ConsumerRecord<String, String>> scores = KafkaTestClient.collect("attunement-scores",
                r -> clientId.equals(r.key()), 1, Duration.ofSeconds(30));
        org.assertj.core.api.Assertions.assertThat(scores).hasSize(1);
        String event = scores.get(0).value();
        EventContract.assertValid(EventContract.ATTUNEMENT_SCORE_COMPUTED, event);
        JsonNode score = new ObjectMapper().readTree(event);
        String version = AttunementAnalyzer.SCORER_VERSION + "+" + name;
        org.assertj.core.api.Assertions.assertThat(score.path("scorerVersion").asText()).isEqualTo(version);
        org.assertj.core.api.Assertions.assertThat(score.path("scoreId").asText())
                .isEqualTo(AttunementScoreComputed.scoreId(sampleId, version));
        JsonNode inquiry = null;
        for (JsonNode d : score.path("dimensions")) {
            if (d.path("name").asText().equals("inquiry")) {
                inquiry = d;
            }
        }
        org.assertj.core.api.Assertions.assertThat(inquiry.path("calibration").path("logit").isNumber()).isTrue();
        org.assertj.core.api.Assertions.assertThat(inquiry.path("evidence").get(0).path("contribution").isNumber())
                .isTrue();
    }

    @Test
    void journalsWithoutJournalLabelsKeepTheLexicalScores() {
        given().contentType(ContentType.JSON)
                .body("{\"kind\":\"journal\",\"text\":\"I felt anxious before the meeting and took three slow breaths.\"}")
                .post("/api/v1/analyses")
                .then().statusCode(200)
                .body("assessment.scorerVersion", startsWith(AttunementAnalyzer.SCORER_VERSION + "+calibrated-"))
                .body("assessment.dimensions.calibration", everyItem(equalTo(null)))
                .body("assessment.overall.calibration", equalTo(null));
    }
}
