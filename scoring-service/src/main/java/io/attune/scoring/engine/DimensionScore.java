package io.attune.scoring.engine;

import java.util.List;

/**
 * Score 0-100. By default the dimension baseline plus the effects of its evidence, clamped. When a calibration
 * model scored the dimension, {@code calibration} holds its logit and the evidence carries the contributions.
 */
public record DimensionScore(String name, int score, List<Evidence> evidence, Calibration calibration) {

    public DimensionScore(String name, int score, List<Evidence> evidence) {
        this(name, score, evidence, null);
    }
}
