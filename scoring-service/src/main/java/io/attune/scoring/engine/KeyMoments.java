package io.attune.scoring.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The turns that mattered most: evidence effects summed per turn, largest magnitude first (earlier turn on
 * ties). The signal shown is the single strongest one in that turn.
 */
final class KeyMoments {
    static final int MAX = 3;

    private KeyMoments() {
    }

    static List<KeyMoment> pick(List<DimensionScore> dimensions) {
        Map<Integer, int[]> impact = new LinkedHashMap<>();
        Map<Integer, Evidence> strongest = new LinkedHashMap<>();
        for (DimensionScore d : dimensions) {
            for (Evidence e : d.evidence()) {
                impact.computeIfAbsent(e.turn(), k -> new int[1])[0] += e.effect();
                Evidence best = strongest.get(e.turn());
                if (best == null || Math.abs(e.effect()) > Math.abs(best.effect())) {
                    strongest.put(e.turn(), e);
                }
            }
        }
        List<KeyMoment> moments = new ArrayList<>();
        for (Map.Entry<Integer, int[]> e : impact.entrySet()) {
            if (e.getValue()[0] != 0) {
                moments.add(new KeyMoment(e.getKey(), strongest.get(e.getKey()).signal(), e.getValue()[0]));
            }
        }
        moments.sort(Comparator.comparingInt((KeyMoment m) -> -Math.abs(m.impact())).thenComparingInt(KeyMoment::turn));
        return List.copyOf(moments.subList(0, Math.min(MAX, moments.size())));
    }
}
