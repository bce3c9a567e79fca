package io.attune.scoring.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "attune.scoring")
public interface ScoringConfig {

    /**
     * A calibration model written by {@code attune calibrate} (env {@code ATTUNE_SCORING_MODEL}). The dimensions it
     * was trained on are scored the way the organisation's raters label them; without it the shipped lexical
     * engine scores everything. A model that cannot be read stops the service from starting.
     */
    Optional<Path> model();

    /** How a score whose publication failed is sent again while Kafka is unavailable. */
    Retry retry();

    /**
     * Bounded exponential backoff. The score is sent again until the broker acknowledges it (or the service stops,
     * leaving the input uncommitted); consumption of the input partition waits meanwhile.
     */
    interface Retry {

        @WithDefault("200ms")
        Duration initialBackoff();

        @WithDefault("10s")
        Duration maxBackoff();
    }
}
