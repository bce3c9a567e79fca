package io.attune.recommendation.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Rolling per-dimension statistics over a client's scores, for dashboards. */
public final class ScoreProfile {

    /** Half-window means closer than this many points count as steady, so noise does not read as a trend. */
    public static final double TREND_DEAD_BAND = 5.0;

    private ScoreProfile() {
    }

    /**
     * @param history oldest first
     * @param window  how many of the latest scores of each dimension to use; conversations and journals have
     *                different dimensions, so each dimension keeps its own window
     */
    public static ProfileSummary summarize(List<ScoreSnapshot> history, int window) {
        if (window < 1) {
            throw new IllegalArgumentException("window must be at least 1, was " + window);
        }
        Map<String, List<Integer>> byDimension = new TreeMap<>();
        List<Integer> overall = new ArrayList<>();
        for (ScoreSnapshot snapshot : history) {
            overall.add(snapshot.overallScore());
            for (DimensionReading reading : snapshot.dimensions()) {
                byDimension.computeIfAbsent(reading.name(), name -> new ArrayList<>()).add(reading.score());
            }
        }
        List<DimensionProfile> dimensions = byDimension.entrySet().stream()
                .map(e -> profile(e.getKey(), e.getValue(), window))
                .toList();
        return new ProfileSummary(window, overall.isEmpty() ? null : profile("overall", overall, window), dimensions);
    }

    private static DimensionProfile profile(String name, List<Integer> scores, int window) {
        List<Integer> recent = scores.subList(Math.max(0, scores.size() - window), scores.size());
        return new DimensionProfile(name, recent.get(recent.size() - 1),
                Math.round(mean(recent) * 10.0) / 10.0, trend(recent), recent.size());
    }

    /** Compares the mean of the newer half with the older half; an odd middle score belongs to neither. */
    static Trend trend(List<Integer> scores) {
        int half = scores.size() / 2;
        if (half == 0) {
            return Trend.STEADY;
        }
        double delta = mean(scores.subList(scores.size() - half, scores.size())) - mean(scores.subList(0, half));
        if (delta > TREND_DEAD_BAND) {
            return Trend.IMPROVING;
        }
        if (delta < -TREND_DEAD_BAND) {
            return Trend.DECLINING;
        }
        return Trend.STEADY;
    }

    private static double mean(List<Integer> scores) {
        return scores.stream().mapToInt(Integer::intValue).average().orElse(0.0);
    }
}
