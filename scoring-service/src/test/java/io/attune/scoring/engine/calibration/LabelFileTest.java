package io.attune.scoring.engine.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.attune.scoring.engine.AttunementAnalyzer;
import io.attune.scoring.engine.ConversationSample;
import io.attune.scoring.engine.DimensionScore;
import io.attune.scoring.engine.Turn;

/** A bad label file is refused with the line and field at fault, exit code 2 and no stack trace. */
class LabelFileTest {
    private static final String GOOD = """
        {"kind":"conversation","relationship":"friend","clientSpeaker":"Kim","turns":[{"speaker":"Ann","text":"I lost my job."},{"speaker":"Kim","text":"Oh no, how are you doing?"}],"labels":{"inquiry":1}}""";

    @TempDir
    Path dir;

    static Stream<Arguments> badLines() {
        return Stream.of(
            Arguments.of("bad JSON", "{\"kind\":\"journal\",\"text\":\"x\",", "line 2:", "not valid JSON"),
            Arguments.of("not an object", "[1,2]", "line 2:", "must be a JSON object"),
            Arguments.of("missing kind", "{\"text\":\"I felt low.\",\"labels\":{\"focus\":1}}", "field kind",
                "is required"),
            Arguments.of("unknown kind", "{\"kind\":\"email\",\"text\":\"hi\",\"labels\":{\"focus\":1}}", "field kind",
                "must be conversation or journal"),
            Arguments.of("label not 0/1", "{\"kind\":\"journal\",\"text\":\"I felt low.\",\"labels\":{\"focus\":2}}",
                "field labels.focus", "must be 0 or 1"),
            Arguments.of("label a string", "{\"kind\":\"journal\",\"text\":\"I felt low.\",\"labels\":{\"focus\":\"1\"}}",
                "field labels.focus", "must be 0 or 1"),
            Arguments.of("unknown dimension", "{\"kind\":\"journal\",\"text\":\"I felt low.\",\"labels\":{\"inquiry\":1}}",
                "field labels.inquiry", "unknown dimension for a journal"),
            Arguments.of("missing labels", "{\"kind\":\"journal\",\"text\":\"I felt low.\"}", "field labels",
                "is required"),
            Arguments.of("empty labels", "{\"kind\":\"journal\",\"text\":\"I felt low.\",\"labels\":{}}", "field labels",
                "at least one"),
            Arguments.of("blank journal text", "{\"kind\":\"journal\",\"text\":\"  \",\"labels\":{\"focus\":1}}",
                "field text", "must not be blank"),
            Arguments.of("empty turns", "{\"kind\":\"conversation\",\"clientSpeaker\":\"Kim\",\"turns\":[],"
                + "\"labels\":{\"inquiry\":1}}", "field turns", "must not be empty"),
            Arguments.of("turn without text", "{\"kind\":\"conversation\",\"clientSpeaker\":\"Kim\",\"turns\":["
                + "{\"speaker\":\"Ann\",\"text\":\"hi\"},{\"speaker\":\"Kim\"}],\"labels\":{\"inquiry\":1}}",
                "field turns[1].text", "is required"),
            Arguments.of("client never speaks", "{\"kind\":\"conversation\",\"clientSpeaker\":\"Bo\",\"turns\":["
                + "{\"speaker\":\"Ann\",\"text\":\"hi\"},{\"speaker\":\"Kim\",\"text\":\"hey\"}],\"labels\":{\"inquiry\":1}}",
                "field clientSpeaker", "at least one turn"),
            Arguments.of("missing clientSpeaker", "{\"kind\":\"conversation\",\"turns\":[{\"speaker\":\"Ann\",\"text\":"
                + "\"hi\"},{\"speaker\":\"Kim\",\"text\":\"hey\"}],\"labels\":{\"inquiry\":1}}", "field clientSpeaker",
                "is required"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badLines")
    void badLineIsNamedWithItsField(String name, String line, String where, String what) throws IOException {
        Path file = Files.writeString(dir.resolve("labels.jsonl"), GOOD + "\n" + line + "\n");
        String[] streams = new String[2];
        int code = TrainedModel.run(streams, "--labels", file.toString(), "--out", dir.resolve("m.json").toString());
        assertThat(code).isEqualTo(2);
        assertThat(streams[1]).contains("labels.jsonl line 2").contains(where).contains(what);
        assertThat(streams[1]).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(dir.resolve("m.json")).doesNotExist();
    }

    @Test
    void emptyFileAndMissingArgumentsAreRefused() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.jsonl"), "\n");
        String[] streams = new String[2];
        assertThat(TrainedModel.run(streams, "--labels", empty.toString(), "--out", "x.json")).isEqualTo(2);
        assertThat(streams[1]).contains("no samples");
        assertThat(TrainedModel.run(streams, "--labels", empty.toString())).isEqualTo(2);
        assertThat(streams[1]).contains("--labels and --out are required");
        assertThat(TrainedModel.run(streams, "--labels", dir.resolve("none.jsonl").toString(), "--out", "x.json"))
            .isEqualTo(2);
        assertThat(streams[1]).contains("no such file");
        assertThat(TrainedModel.run(streams, "--labels", empty.toString(), "--out", "x.json", "--folds", "one"))
            .isEqualTo(2);
        assertThat(streams[1]).contains("--folds must be a whole number");
    }

    @Test
    void tooFewExamplesWarnsAndKeepsTheLexicalScore() throws Exception {
        // presence: 4 positives only; every other conversation dimension is well covered
        StringBuilder lines = new StringBuilder();
        String[] generated = new RaterSetGenerator(5).jsonl(200, 0, 0.05).split("\n");
        for (int i = 0; i < generated.length; i++) {
            String presence = "\"presence\":" + (i < 4 ? 1 : 0);
            lines.append(generated[i].replaceAll("\"presence\":[01]", presence)).append('\n');
        }
        Path file = Files.writeString(dir.resolve("few.jsonl"), lines.toString());
        Path modelFile = dir.resolve("few-model.json");
        String[] streams = new String[2];
        assertThat(TrainedModel.run(streams, "--labels", file.toString(), "--out", modelFile.toString())).isZero();
        assertThat(streams[1]).containsPattern("warning: conversation presence: \\d positive and \\d+ negative labels");
        assertThat(streams[0]).doesNotContainPattern("(?m)^conversation\\s+presence\\s");
        CalibrationModel model = CalibrationModel.load(modelFile);
        assertThat(model.calibratedTargets().get("conversation")).doesNotContain("presence").contains("inquiry");

        ConversationSample sample = new ConversationSample("friend", "Kim", java.util.List.of(
            new Turn("Ann", "I lost my job today."), new Turn("Kim", "Anyway, did you see the game?")), "en");
        DimensionScore lexical = presence(new AttunementAnalyzer().analyze(sample).dimensions());
        DimensionScore calibrated = presence(new AttunementAnalyzer(model).analyze(sample).dimensions());
        assertThat(calibrated).isEqualTo(lexical);
    }

    private static DimensionScore presence(java.util.List<DimensionScore> dimensions) {
        return dimensions.stream().filter(d -> d.name().equals("presence")).findFirst().orElseThrow();
    }
}
