package io.attune.scoring.engine;

import java.util.List;

/**
 * A tier that rescores dimensions the way an organisation's raters do, on top of the lexical engine. It sees the
 * engine's tokens and default scores ({@link Observation}) and returns replacement scores whose evidence carries
 * each feature's contribution. Implementations must be thread-safe and deterministic.
 */
public interface ScoreCalibration {

    /** Names the model; appended to the lexical scorer version, e.g. {@code calibrated-0123456789ab}. */
    String name();

    /**
     * Rescores one input.
     *
     * @return the dimensions in the engine's order (uncalibrated ones passed through unchanged) and, when the model
     *         has an overall label for this kind, the overall score as a dimension named {@code overall}; null when
     *         the model calibrates nothing for this kind
     */
    Result apply(Observation observation);

    record Result(List<DimensionScore> dimensions, DimensionScore overall) {
    }
}
