package io.attune.scoring.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The turns that mattered most: evidence effects summed per turn, largest magnitude first (earlier turn on
 * ties). The signal shown is the single strongest one in that turn.
 */
final class KeyMoments {
    static final int MAX = 3;
    private static final Comparator<KeyMoment> ORDER = Comparator.comparingInt((KeyMoment m) -> -Math.abs(m.impact()))
        .thenComparingInt(KeyMoment::turn);

    private KeyMoments() {
    }

    static List<KeyMoment> pick(List<DimensionScore> dimensions) {
        // turns are a small range of indexes (-1 for what is not in a turn): arrays instead of boxed maps, on the
        // hot path
        int first = Integer.MAX_VALUE;
        int last = Integer.MIN_VALUE;
        for (DimensionScore d : dimensions) {
            for (Evidence e : d.evidence()) {
                first = Math.min(first, e.turn());
                last = Math.max(last, e.turn());
            }
        }
        int turns = last < first ? 0 : last - first + 1;
        int[] impact = new int[turns];
        Evidence[] strongest = new Evidence[turns];
        for (DimensionScore d : dimensions) {
            for (Evidence e : d.evidence()) {
                int k = e.turn() - first;
                impact[k] += e.effect();
                if (strongest[k] == null || Math.abs(e.effect()) > Math.abs(strongest[k].effect())) {
                    strongest[k] = e;
                }
            }
        }
        List<KeyMoment> moments = new ArrayList<>();
        for (int k = 0; k < turns; k++) {
            if (impact[k] != 0) {
                moments.add(new KeyMoment(k + first, strongest[k].signal(), impact[k]));
            }
        }
        moments.sort(ORDER);
        return List.copyOf(moments.subList(0, Math.min(MAX, moments.size())));
    }
}
