package io.attune.scoring.engine;

import java.util.List;

/**
 * Weighted mean of the dimensions, and the band cut-offs on it. Journals have their own cut-offs: four of
 * their six dimensions only move when the writer happens to touch them, so their scores sit closer to
 * the baseline than conversation scores do.
 */
enum BandPolicy {
    CONVERSATION(Dimensions.CONVERSATION_WEIGHTS, 60, 42),
    JOURNAL(Dimensions.JOURNAL_WEIGHTS, 55, 50);

    private final double[] weights;
    final int attunedFrom;
    final int partlyFrom;

    BandPolicy(double[] weights, int attunedFrom, int partlyFrom) {
        this.weights = weights;
        this.attunedFrom = attunedFrom;
        this.partlyFrom = partlyFrom;
    }

    int overall(List<DimensionScore> dimensions) {
        double sum = 0;
        for (int i = 0; i < dimensions.size(); i++) {
            sum += dimensions.get(i).score() * weights[i];
        }
        return (int) Math.round(sum);
    }

    Band band(int overall) {
        if (overall >= attunedFrom) {
            return Band.ATTUNED;
        }
        return overall >= partlyFrom ? Band.PARTLY_ATTUNED : Band.MISATTUNED;
    }
}
