package io.attune.scoring.engine;

import java.util.List;

/**
 * How dimensions combine into the overall score, and the band cut-offs on it.
 *
 * <p>The overall score is the baseline plus the weighted mean of the dimensions' deviations from it, taken
 * over the dimensions that have evidence. A dimension with no evidence has not observed anything, so it
 * does not vote: "I'm so sorry, I'm here for you" is not made lukewarm because it asked no question and
 * named no topic word. The divisor never drops below {@code minEvidenceWeight}, so one lone weak signal
 * cannot swing a sample to an extreme on its own. With {@code minEvidenceWeight} 1.0 this is the plain
 * weighted mean over all dimensions.
 *
 * <p>Journals keep the plain weighted mean and their own cut-offs: four of their six dimensions only move
 * when the writer happens to touch them, and their cut-offs were set for that.
 */
enum BandPolicy {
    CONVERSATION(Dimensions.CONVERSATION_WEIGHTS, 0.5, 60, 42),
    JOURNAL(Dimensions.JOURNAL_WEIGHTS, 1.0, 55, 50);

    private final double[] weights;
    private final double minEvidenceWeight;
    final int attunedFrom;
    final int partlyFrom;

    BandPolicy(double[] weights, double minEvidenceWeight, int attunedFrom, int partlyFrom) {
        this.weights = weights;
        this.minEvidenceWeight = minEvidenceWeight;
        this.attunedFrom = attunedFrom;
        this.partlyFrom = partlyFrom;
    }

    int overall(List<DimensionScore> dimensions) {
        double deviation = 0;
        double evidenced = 0;
        for (int i = 0; i < dimensions.size(); i++) {
            DimensionScore d = dimensions.get(i);
            deviation += (d.score() - ScoreSheet.BASELINE) * weights[i];
            if (!d.evidence().isEmpty()) {
                evidenced += weights[i];
            }
        }
        double divisor = Math.max(evidenced, minEvidenceWeight);
        return (int) Math.round(ScoreSheet.BASELINE + deviation / divisor);
    }

    Band band(int overall) {
        if (overall >= attunedFrom) {
            return Band.ATTUNED;
        }
        return overall >= partlyFrom ? Band.PARTLY_ATTUNED : Band.MISATTUNED;
    }
}
