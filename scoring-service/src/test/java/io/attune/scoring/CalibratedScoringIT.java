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
import java.util.Map;

import io.attune.infra.testing.AttuneStackResource;
import io.attune.scoring.engine.AttunementAnalyzer;
import io.attune.scoring.engine.calibration.CalibrateCommand;
import io.attune.scoring.engine.calibration.CalibrationModel;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

/** scoring-service with {@code attune.scoring.model} set scores through the calibration model it names. */
@QuarkusTest
@TestProfile(CalibratedScoringIT.WithModel.class)
@QuarkusTestResource(AttuneStackResource.class)
class CalibratedScoringIT {

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
        JsonPath body = given().contentType(ContentType.JSON).body("""
                {"kind":"conversation","relationship":"friend","clientSpeaker":"Kim",
                 "turns":[{"speaker":"Ann","text":"I failed my driving test again."},
                          {"speaker":"Kim","text":"Oh no, I'm sorry. What was the hardest part?"}]}""")
                .post("/api/v1/analyses")
                .then().statusCode(200)
                .body("assessment.scorerVersion", equalTo(AttunementAnalyzer.SCORER_VERSION + "+" + name))
                .body("assessment.dimensions.find { it.name == 'inquiry' }.calibration.logit", notNullValue())
                .body("assessment.dimensions.find { it.name == 'inquiry' }.evidence.contribution", everyItem(notNullValue()))
                .body("assessment.dimensions.find { it.name == 'inquiry' }.evidence", hasSize(lessThanOrEqualTo(11)))
                .body("assessment.dimensions.find { it.name == 'acknowledgement' }.calibration", equalTo(null))
                .body("assessment.overall.calibration.evidence[0].contribution", notNullValue())
                .extract().jsonPath();
        double logit = body.getDouble("assessment.dimensions.find { it.name == 'inquiry' }.calibration.logit");
        double sum = body.getDouble("assessment.dimensions.find { it.name == 'inquiry' }.calibration.baseline");
        for (Object c : body.getList("assessment.dimensions.find { it.name == 'inquiry' }.evidence.contribution")) {
            sum += ((Number) c).doubleValue();
        }
        org.assertj.core.api.Assertions.assertThat(sum).isCloseTo(logit, org.assertj.core.api.Assertions.within(1e-9));
        org.assertj.core.api.Assertions.assertThat(body.getInt("assessment.dimensions.find { it.name == 'inquiry' }.score"))
                .isEqualTo((int) Math.round(100 / (1 + Math.exp(-logit)))).isGreaterThan(50);
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
