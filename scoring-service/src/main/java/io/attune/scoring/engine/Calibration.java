package io.attune.scoring.engine;

/**
 * How a calibrated score was reached: {@code logit = baseline + sum of the evidence contributions} and
 * {@code score = round(100 * sigmoid(logit))}. The baseline is the model's bias, the logit of a sample with no
 * features at all.
 */
public record Calibration(double baseline, double logit) {

    /** The 0-100 score of a logit: the calibrated probability in percent, rounded half up. */
    public static int score(double logit) {
        return (int) Math.round(100.0 / (1.0 + Math.exp(-logit)));
    }
}
