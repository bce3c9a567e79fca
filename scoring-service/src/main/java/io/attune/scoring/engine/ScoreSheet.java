package io.attune.scoring.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects evidence per dimension. A score is always {@link #BASELINE} plus the sum of its evidence
 * effects, clamped to 0-100, so every point can be traced to a span.
 */
final class ScoreSheet {
    /** Neutral: nothing attuned or misattuned was observed. */
    static final int BASELINE = 50;

    private static final Comparator<Evidence> ORDER = Comparator.comparingInt(Evidence::turn)
        .thenComparingInt(Evidence::start).thenComparingInt(Evidence::end).thenComparing(Evidence::signal);

    private final Map<String, List<Evidence>> byDimension = new LinkedHashMap<>();
    /** Parallel lists: few distinct (dimension, signal) pairs per text, so a scan beats hashing a key. */
    private final List<String> repeatDimension = new ArrayList<>();
    private final List<String> repeatSignal = new ArrayList<>();
    private final List<int[]> repeatCount = new ArrayList<>();

    ScoreSheet(List<String> dimensions) {
        for (String d : dimensions) {
            byDimension.put(d, new ArrayList<>());
        }
    }

    void add(String dimension, Evidence evidence) {
        List<Evidence> list = byDimension.get(dimension);
        if (list == null) {
            throw new IllegalStateException("unknown dimension " + dimension);
        }
        list.add(evidence);
    }

    /**
     * Repeats of one signal in one dimension count less each time (full, half, quarter...), so a long
     * conversation cannot pile up points from one habit.
     */
    int repeated(String dimension, String signal, int base) {
        int seen = -1;
        for (int k = 0; k < repeatSignal.size(); k++) {
            if (repeatSignal.get(k).equals(signal) && repeatDimension.get(k).equals(dimension)) {
                seen = repeatCount.get(k)[0]++;
                break;
            }
        }
        if (seen < 0) {
            repeatDimension.add(dimension);
            repeatSignal.add(signal);
            repeatCount.add(new int[] {1});
            seen = 0;
        }
        int magnitude = Math.abs(base) >> Math.min(seen, 30);
        if (magnitude == 0) {
            magnitude = 1;
        }
        return base < 0 ? -magnitude : magnitude;
    }

    void addRepeated(String dimension, AnalyzedText text, int turn, PhraseMatch m, String signal, int base) {
        add(dimension, text.evidence(turn, m, signal, repeated(dimension, signal, base)));
    }

    List<DimensionScore> scores() {
        List<DimensionScore> out = new ArrayList<>(byDimension.size());
        for (Map.Entry<String, List<Evidence>> e : byDimension.entrySet()) {
            List<Evidence> evidence = new ArrayList<>(e.getValue());
            evidence.sort(ORDER);
            int score = BASELINE;
            for (Evidence ev : evidence) {
                score += ev.effect();
            }
            out.add(new DimensionScore(e.getKey(), Math.max(0, Math.min(100, score)), List.copyOf(evidence)));
        }
        return out;
    }
}
