package io.attune.scoring.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Calibration against the hand-labelled corpus (method and thresholds in docs/scoring.md). Rules are tuned on
 * tuning.jsonl only; holdout.jsonl is reported separately and only in aggregate, so nobody tunes against it.
 * "High" means score >= 60, "low" means score <= 40.
 */
class CorpusCalibrationTest {
    static final int HIGH = 60;
    static final int LOW = 40;

    static final double MIN_BAND_ACCURACY_TUNING = 0.85;
    static final double MIN_BAND_ACCURACY_HOLDOUT = 0.85;
    static final double MIN_CRISIS_RECALL = 1.0;
    static final double MAX_FALSE_CRISIS_RATE = 0.10;
    static final double MIN_DIMENSION_AGREEMENT = 0.70;
    /** Dimensions with fewer labels than this are reported but not gated: one miss would swing them 20 points. */
    static final int MIN_LABELS_TO_GATE = 5;

    private static final AttunementAnalyzer ANALYZER = new AttunementAnalyzer();

    record Counts(int tp, int fp, int fn) {
        double precision() {
            return tp + fp == 0 ? 1.0 : tp / (double) (tp + fp);
        }

        double recall() {
            return tp + fn == 0 ? 1.0 : tp / (double) (tp + fn);
        }
    }

    static final class Report {
        final String split;
        int bandLabelled;
        int bandCorrect;
        final Map<String, int[]> bandConfusion = new LinkedHashMap<>(); // band -> {tp, fp, fn}
        final Map<String, int[]> dimension = new LinkedHashMap<>();     // dim -> {highOk, highN, lowOk, lowN, highPredWrong, lowPredWrong}
        int crisisExpected;
        int crisisFound;
        int noneExpected;
        int noneFlaggedCrisis;
        final List<String> misses = new ArrayList<>();

        Report(String split) {
            this.split = split;
            for (Band b : Band.values()) {
                bandConfusion.put(b.wireName(), new int[3]);
            }
        }

        double bandAccuracy() {
            return bandLabelled == 0 ? 1.0 : bandCorrect / (double) bandLabelled;
        }

        double crisisRecall() {
            return crisisExpected == 0 ? 1.0 : crisisFound / (double) crisisExpected;
        }

        double falseCrisisRate() {
            return noneExpected == 0 ? 0.0 : noneFlaggedCrisis / (double) noneExpected;
        }

        double agreement(String dim) {
            int[] d = dimension.get(dim);
            return (d[0] + d[2]) / (double) Math.max(1, d[1] + d[3]);
        }

        int labels(String dim) {
            int[] d = dimension.get(dim);
            return d[1] + d[3];
        }
    }

    static Report evaluate(String split, List<CorpusItem> items) {
        Report r = new Report(split);
        for (CorpusItem item : items) {
            Assessment a = item.assess(ANALYZER);
            if (item.band() != null) {
                r.bandLabelled++;
                String got = a.band().wireName();
                if (got.equals(item.band())) {
                    r.bandCorrect++;
                    r.bandConfusion.get(got)[0]++;
                } else {
                    r.bandConfusion.get(got)[1]++;
                    r.bandConfusion.get(item.band())[2]++;
                    r.misses.add(item.id() + " band expected " + item.band() + " got " + got + " (" + a.overallScore() + ")");
                }
            }
            for (DimensionScore d : a.dimensions()) {
                int[] c = r.dimension.computeIfAbsent(d.name(), k -> new int[6]);
                boolean labelledHigh = item.high().contains(d.name());
                boolean labelledLow = item.low().contains(d.name());
                if (labelledHigh) {
                    c[1]++;
                    if (d.score() >= HIGH) {
                        c[0]++;
                    } else {
                        r.misses.add(item.id() + " " + d.name() + " expected high got " + d.score());
                    }
                }
                if (labelledLow) {
                    c[3]++;
                    if (d.score() <= LOW) {
                        c[2]++;
                    } else {
                        r.misses.add(item.id() + " " + d.name() + " expected low got " + d.score());
                    }
                }
                if (d.score() >= HIGH && labelledLow) {
                    c[4]++;
                }
                if (d.score() <= LOW && labelledHigh) {
                    c[5]++;
                }
            }
            if ("crisis".equals(item.safety())) {
                r.crisisExpected++;
                if (a.safety().level() == SafetyLevel.CRISIS) {
                    r.crisisFound++;
                } else {
                    r.misses.add(item.id() + " safety expected crisis got " + a.safety().level().wireName());
                }
            } else if ("none".equals(item.safety())) {
                r.noneExpected++;
                if (a.safety().level() == SafetyLevel.CRISIS) {
                    r.noneFlaggedCrisis++;
                    r.misses.add(item.id() + " safety false crisis " + a.safety().categories());
                }
            }
        }
        return r;
    }

    static void print(Report r, boolean showMisses) {
        StringBuilder b = new StringBuilder();
        b.append("\n=== corpus calibration: ").append(r.split).append(" ===\n");
        b.append(String.format("band accuracy %.3f (%d/%d)%n", r.bandAccuracy(), r.bandCorrect, r.bandLabelled));
        for (Map.Entry<String, int[]> e : r.bandConfusion.entrySet()) {
            Counts c = new Counts(e.getValue()[0], e.getValue()[1], e.getValue()[2]);
            b.append(String.format("  band %-15s precision %.3f recall %.3f%n", e.getKey(), c.precision(), c.recall()));
        }
        for (Map.Entry<String, int[]> e : r.dimension.entrySet()) {
            int[] c = e.getValue();
            if (c[1] + c[3] == 0) {
                continue;
            }
            Counts high = new Counts(c[0], c[4], c[1] - c[0]);
            Counts low = new Counts(c[2], c[5], c[3] - c[2]);
            b.append(String.format("  %-20s agreement %.3f (%d labels) | high P %.3f R %.3f (n=%d) | low P %.3f R %.3f (n=%d)%n",
                e.getKey(), r.agreement(e.getKey()), r.labels(e.getKey()), high.precision(), high.recall(), c[1],
                low.precision(), low.recall(), c[3]));
        }
        b.append(String.format("safety crisis recall %.3f (%d/%d), false crisis on not-crisis %.3f (%d/%d)%n",
            r.crisisRecall(), r.crisisFound, r.crisisExpected, r.falseCrisisRate(), r.noneFlaggedCrisis, r.noneExpected));
        if (showMisses) {
            r.misses.forEach(m -> b.append("  miss: ").append(m).append('\n'));
        }
        System.out.print(b);
    }

    private static void assertThresholds(Report r, double minBandAccuracy) {
        assertThat(r.bandAccuracy()).as(r.split + " band accuracy").isGreaterThanOrEqualTo(minBandAccuracy);
        assertThat(r.crisisRecall()).as(r.split + " crisis recall").isGreaterThanOrEqualTo(MIN_CRISIS_RECALL);
        assertThat(r.falseCrisisRate()).as(r.split + " false crisis rate").isLessThanOrEqualTo(MAX_FALSE_CRISIS_RATE);
        for (String dim : r.dimension.keySet()) {
            if (r.labels(dim) >= MIN_LABELS_TO_GATE) {
                assertThat(r.agreement(dim)).as(r.split + " " + dim + " label agreement")
                    .isGreaterThanOrEqualTo(MIN_DIMENSION_AGREEMENT);
            }
        }
    }

    @Test
    void tuningSetMeetsThresholds() {
        Report r = evaluate("tuning", CorpusItem.load("/corpus/tuning.jsonl"));
        print(r, true);
        assertThresholds(r, MIN_BAND_ACCURACY_TUNING);
    }

    @Test
    void holdoutSetMeetsThresholds() {
        Report r = evaluate("holdout", CorpusItem.load("/corpus/holdout.jsonl"));
        print(r, false);
        assertThresholds(r, MIN_BAND_ACCURACY_HOLDOUT);
    }

    @Test
    void everyCrisisItemIsFlaggedCrisis() {
        List<CorpusItem> all = new ArrayList<>(CorpusItem.load("/corpus/tuning.jsonl"));
        all.addAll(CorpusItem.load("/corpus/holdout.jsonl"));
        List<String> crisis = all.stream().filter(i -> "crisis".equals(i.safety())).map(CorpusItem::id).toList();
        assertThat(crisis).hasSizeGreaterThanOrEqualTo(40);
        for (CorpusItem item : all) {
            if ("crisis".equals(item.safety())) {
                assertThat(item.assess(ANALYZER).safety().level()).as(item.id()).isEqualTo(SafetyLevel.CRISIS);
            }
        }
    }

    @Test
    void corpusHasTheRequiredShape() {
        List<CorpusItem> tuning = CorpusItem.load("/corpus/tuning.jsonl");
        List<CorpusItem> holdout = CorpusItem.load("/corpus/holdout.jsonl");
        assertThat(tuning.size() + holdout.size()).isGreaterThanOrEqualTo(300);
        long notCrisis = tuning.stream().filter(i -> i.id().startsWith("n-")).count()
            + holdout.stream().filter(i -> i.id().startsWith("h-n-")).count();
        assertThat(notCrisis).as("tricky not-crisis items").isGreaterThanOrEqualTo(40);
        assertThat(tuning).anySatisfy(i -> assertThat(i.id()).isEqualTo("c-001"));
    }
}
