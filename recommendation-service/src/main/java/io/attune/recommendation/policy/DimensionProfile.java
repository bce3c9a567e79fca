package io.attune.recommendation.policy;

/**
 * Rolling statistics of one dimension (or of the overall score).
 *
 * @param latest          the most recent score
 * @param rollingAverage  mean of the scores in the window, rounded to one decimal
 * @param trend           second half of the window against the first half, with a dead band
 * @param count           how many scores the window holds
 */
public record DimensionProfile(String name, int latest, double rollingAverage, Trend trend, int count) {
}
