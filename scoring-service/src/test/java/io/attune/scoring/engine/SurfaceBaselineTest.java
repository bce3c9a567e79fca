package io.attune.scoring.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The uncalibrated engine must rank conversations at least as well as the simplest surface cue for each
 * dimension (ROC AUC against the corpus's binary per-dimension labels), on the tuning and the held-out
 * split separately. The cues are deliberately the one-line regular expressions an outsider would write in
 * an hour: if a dimension cannot beat them, its signals are not earning their complexity.
 */
class SurfaceBaselineTest {
    private static final AttunementAnalyzer ANALYZER = new AttunementAnalyzer();

    private static final Pattern VALIDATION = Pattern.compile(
        "\\b(sorry|that must|that sounds|i understand|i hear you|that'?s (hard|awful|terrible|tough|rough)|oh no)\\b",
        Pattern.CASE_INSENSITIVE);
    private static final Pattern REFLECTION = Pattern.compile("\\b(you sound|you feel|it sounds)\\b",
        Pattern.CASE_INSENSITIVE);
    private static final Pattern ADVICE = Pattern.compile("\\b(you should|you need to|just|try|have you tried)\\b",
        Pattern.CASE_INSENSITIVE);

    /** A labelled dimension, the engine's number for it and the surface cue it must not lose to. */
    record Measure(String label, String cueName, ToDoubleFunction<String> cue) {}

    static final List<Measure> MEASURES = List.of(
        new Measure("acknowledgement", "validation-phrase regex", t -> count(VALIDATION, t)),
        new Measure("mirroring", "\"you sound|you feel|it sounds\" regex", t -> count(REFLECTION, t)),
        new Measure("inquiry", "question-mark count", t -> t.chars().filter(c -> c == '?').count()),
        new Measure("overall", "minus advice-phrase regex", t -> -count(ADVICE, t)));

    record Result(String split, String label, int positives, int negatives, double engineAuc, double cueAuc) {}

    static List<Result> measure(String split, List<CorpusItem> items) {
        List<Result> out = new ArrayList<>();
        Map<CorpusItem, Assessment> assessed = new LinkedHashMap<>();
        for (CorpusItem item : items) {
            if (item.conversation() != null && !item.labels().isEmpty()) {
                assessed.put(item, item.assess(ANALYZER));
            }
        }
        for (Measure m : MEASURES) {
            List<double[]> engine = new ArrayList<>();
            List<double[]> cue = new ArrayList<>();
            for (Map.Entry<CorpusItem, Assessment> e : assessed.entrySet()) {
                Integer label = e.getKey().labels().get(m.label());
                if (label == null) {
                    continue;
                }
                Assessment a = e.getValue();
                double score = m.label().equals("overall") ? a.overallScore() : dimension(a, m.label());
                engine.add(new double[] {score, label});
                cue.add(new double[] {m.cue().applyAsDouble(clientText(e.getKey().conversation())), label});
            }
            int positives = (int) engine.stream().filter(p -> p[1] == 1).count();
            out.add(new Result(split, m.label(), positives, engine.size() - positives, auc(engine), auc(cue)));
        }
        return out;
    }

    /** Mann-Whitney form of ROC AUC: the chance a random positive outranks a random negative, ties half. */
    static double auc(List<double[]> scored) {
        double wins = 0;
        long pairs = 0;
        for (double[] p : scored) {
            if (p[1] != 1) {
                continue;
            }
            for (double[] n : scored) {
                if (n[1] != 0) {
                    continue;
                }
                pairs++;
                wins += p[0] > n[0] ? 1 : p[0] == n[0] ? 0.5 : 0;
            }
        }
        return pairs == 0 ? Double.NaN : wins / pairs;
    }

    private static int dimension(Assessment a, String name) {
        return a.dimensions().stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow().score();
    }

    private static String clientText(ConversationSample sample) {
        StringBuilder b = new StringBuilder();
        for (Turn t : sample.turns()) {
            if (t.speaker().equalsIgnoreCase(sample.clientSpeaker())) {
                b.append(t.text()).append('\n');
            }
        }
        return b.toString();
    }

    private static int count(Pattern p, String text) {
        Matcher m = p.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static void check(String split, String resource) {
        List<Result> results = measure(split, CorpusItem.load(resource));
        StringBuilder b = new StringBuilder("\n=== surface baselines: ").append(split).append(" ===\n");
        for (Result r : results) {
            b.append(String.format("  %-16s n=%d (%d+/%d-) engine AUC %.3f | %s AUC %.3f%n", r.label(),
                r.positives() + r.negatives(), r.positives(), r.negatives(), r.engineAuc(),
                MEASURES.stream().filter(m -> m.label().equals(r.label())).findFirst().orElseThrow().cueName(),
                r.cueAuc()));
        }
        System.out.print(b);
        for (Result r : results) {
            assertThat(r.positives()).as(split + " " + r.label() + " positives").isGreaterThanOrEqualTo(15);
            assertThat(r.negatives()).as(split + " " + r.label() + " negatives").isGreaterThanOrEqualTo(15);
            assertThat(r.engineAuc()).as(split + " " + r.label() + " engine AUC vs surface cue")
                .isGreaterThanOrEqualTo(r.cueAuc());
        }
    }

    @Test
    void tuningSplitBeatsSurfaceCues() {
        check("tuning", "/corpus/tuning.jsonl");
    }

    @Test
    void heldOutSplitBeatsSurfaceCues() {
        check("holdout", "/corpus/holdout.jsonl");
    }

    @Test
    void aucIsTheRankingProbability() {
        assertThat(auc(List.of(new double[] {3, 1}, new double[] {1, 0}, new double[] {2, 0}))).isEqualTo(1.0);
        assertThat(auc(List.of(new double[] {1, 1}, new double[] {3, 0}))).isEqualTo(0.0);
        assertThat(auc(List.of(new double[] {2, 1}, new double[] {2, 0}))).isEqualTo(0.5);
    }
}
