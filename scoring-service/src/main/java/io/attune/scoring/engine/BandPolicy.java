package io.attune.scoring.engine;

import java.util.List;

/** Weighted mean of the dimensions, and the band cut-offs on it. */
final class BandPolicy {
    static final int ATTUNED_FROM = 60;
    static final int PARTLY_FROM = 45;

    private BandPolicy() {
    }

    static int overall(List<DimensionScore> dimensions, double[] weights) {
        double sum = 0;
        for (int i = 0; i < dimensions.size(); i++) {
            sum += dimensions.get(i).score() * weights[i];
        }
        return (int) Math.round(sum);
    }

    static Band band(int overall) {
        if (overall >= ATTUNED_FROM) {
            return Band.ATTUNED;
        }
        return overall >= PARTLY_FROM ? Band.PARTLY_ATTUNED : Band.MISATTUNED;
    }
}
