package io.attune.scoring.engine;

import java.util.List;
import java.util.Set;

/**
 * A tier that rescores dimensions the way an organisation's raters do, on top of the lexical engine. It sees the
 * engine's tokens and default scores ({@link Observation}) and returns replacement scores whose evidence carries
 * each feature's contribution. Implementations must be thread-safe and deterministic.
 */
public interface ScoreCalibration {

    /** Names the model; appended to the lexical scorer version, e.g. {@code calibrated-0123456789ab}. */
    String name();

    /**
     * Every word the calibration's features read. The analyzer adds them to its vocabulary, so these tokens come
     * out interned and marked known ({@link Observation#tokenKnown}) and every other token can be skipped without
     * hashing it. Words must not contain an apostrophe (that would change how the tokenizer splits them).
     */
    default Set<String> words() {
        return Set.of();
    }

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
