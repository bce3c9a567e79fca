package io.attune.scoring.config;

import java.nio.file.Path;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "attune.scoring")
public interface ScoringConfig {

    /**
     * A calibration model written by {@code attune calibrate} (env {@code ATTUNE_SCORING_MODEL}). The dimensions it
     * was trained on are scored the way the organisation's raters label them; without it the shipped lexical
     * engine scores everything. A model that cannot be read stops the service from starting.
     */
    Optional<Path> model();
}
