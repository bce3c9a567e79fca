package io.attune.scoring.engine.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.attune.scoring.engine.Assessment;
import io.attune.scoring.engine.AttunementAnalyzer;
import io.attune.scoring.engine.DimensionScore;

/** Train on a generated rater set, save, load into the engine, and score a held-out set of the same raters. */
class CalibrationRoundTripTest {
    /** Held-out ROC AUC every calibrated target must reach on the generated set (7% of labels flipped). */
    static final double MIN_HELD_OUT_AUC = 0.85;

    private final TrainedModel trained = TrainedModel.get();

    @Test
    void commandPrintsCrossValidatedAucPerDimensionAndWritesTheModel() {
        assertThat(trained.exitCode).as(trained.stderr).isZero();
        for (String target : List.of("acknowledgement", "mirroring", "inquiry", "exploration", "presence",
                "listening-balance", "emotional-awareness", "self-compassion", "overall")) {
            assertThat(trained.stdout).containsPattern("(?m)^\\w+\\s+" + target + "\\s+\\d+\\s+\\d+\\s+\\S+\\s+(yes|no)\\s+0\\.\\d{3}$");
        }
        assertThat(trained.model).isRegularFile();
    }

    @Test
    void modelRecordsTheTrainingDataHashAndNamesTheScorerVersion() throws IOException {
        String sha = LabelFile.sha256(Files.readAllBytes(trained.labels));
        CalibrationModel model = trained.load();
        assertThat(model.trainingDataSha256()).isEqualTo(sha);
        assertThat(model.name()).isEqualTo("calibrated-" + sha.substring(0, 12));
        assertThat(new AttunementAnalyzer(model).scorerVersion())
            .isEqualTo(AttunementAnalyzer.SCORER_VERSION + "+calibrated-" + sha.substring(0, 12));
        assertThat(model.calibratedTargets()).containsEntry("conversation", List.of("acknowledgement", "mirroring",
            "inquiry", "exploration", "presence", "listening-balance", "overall"));
        assertThat(model.calibratedTargets()).containsEntry("journal", List.of("emotional-awareness",
            "self-compassion", "overall"));
    }

    @Test
    void sameLabelsGiveTheSameModelByteForByte(@TempDir Path dir) throws IOException {
        Path again = dir.resolve("again.json");
        String[] streams = new String[2];
        assertThat(TrainedModel.run(streams, "--labels", trained.labels.toString(), "--out", again.toString()))
            .isZero();
        assertThat(Files.readString(again)).isEqualTo(Files.readString(trained.model));
        assertThat(streams[0]).isEqualTo(trained.stdout.replace(trained.model.toString(), again.toString())
            .replace(trained.model.toAbsolutePath().toString(), again.toAbsolutePath().toString()));
    }

    @Test
    void calibratedScoresRankHeldOutLabelsLikeTheRaters(@TempDir Path dir) throws Exception {
        Path heldOut = new RaterSetGenerator(2).write(dir.resolve("test.jsonl"), 400, 200, TrainedModel.NOISE);
        List<LabelledSample> samples = LabelFile.read(heldOut).samples();
        AttunementAnalyzer calibrated = new AttunementAnalyzer(trained.load());
        AttunementAnalyzer lexical = new AttunementAnalyzer();
        Map<String, List<String>> targets = trained.load().calibratedTargets();
        List<String> report = new ArrayList<>();
        for (Map.Entry<String, List<String>> kind : targets.entrySet()) {
            List<LabelledSample> ofKind = samples.stream().filter(s -> s.kind().equals(kind.getKey())).toList();
            List<Assessment> after = ofKind.stream().map(s -> analyze(calibrated, s)).toList();
            List<Assessment> before = ofKind.stream().map(s -> analyze(lexical, s)).toList();
            for (String target : kind.getValue()) {
                double aucAfter = auc(ofKind, after, target);
                double aucBefore = auc(ofKind, before, target);
                report.add(String.format("%s %s: lexical %.3f calibrated %.3f", kind.getKey(), target, aucBefore,
                    aucAfter));
                assertThat(aucAfter).as(target + " held-out AUC").isGreaterThanOrEqualTo(MIN_HELD_OUT_AUC);
            }
        }
        System.out.println(String.join("\n", report));
    }

    @Test
    void calibratedScoresDifferFromTheLexicalOnesAndCarryTheirLogit() throws Exception {
        List<LabelledSample> samples = LabelFile.read(trained.labels).samples().subList(0, 50);
        AttunementAnalyzer calibrated = new AttunementAnalyzer(trained.load());
        AttunementAnalyzer lexical = new AttunementAnalyzer();
        int changed = 0;
        for (LabelledSample s : samples) {
            Assessment a = analyze(calibrated, s);
            Assessment b = analyze(lexical, s);
            assertThat(a.scorerVersion()).startsWith(AttunementAnalyzer.SCORER_VERSION + "+calibrated-");
            assertThat(a.overallCalibration()).isNotNull();
            assertThat(a.overallScore()).isEqualTo(io.attune.scoring.engine.Calibration.score(
                a.overallCalibration().logit()));
            for (int d = 0; d < a.dimensions().size(); d++) {
                DimensionScore cal = a.dimensions().get(d);
                if (cal.calibration() != null && cal.score() != b.dimensions().get(d).score()) {
                    changed++;
                }
            }
        }
        assertThat(changed).isGreaterThan(100);
    }

    static Assessment analyze(AttunementAnalyzer analyzer, LabelledSample s) {
        return s.kind().equals("journal") ? analyzer.analyze(s.journal()) : analyzer.analyze(s.conversation());
    }

    /** AUC of the 0-100 score users see (ties count half), against the label, over the lines that carry it. */
    static double auc(List<LabelledSample> samples, List<Assessment> assessments, String target) {
        List<Double> scores = new ArrayList<>();
        List<Boolean> labels = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            Integer label = samples.get(i).labels().get(target);
            if (label == null) {
                continue;
            }
            Assessment a = assessments.get(i);
            double score = target.equals(CalibrationModel.OVERALL) ? a.overallScore()
                : a.dimensions().stream().filter(d -> d.name().equals(target)).findFirst().orElseThrow().score();
            scores.add(score);
            labels.add(label == 1);
        }
        double[] s = new double[scores.size()];
        boolean[] l = new boolean[labels.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = scores.get(i);
            l[i] = labels.get(i);
        }
        return RocAuc.of(s, l);
    }
}
