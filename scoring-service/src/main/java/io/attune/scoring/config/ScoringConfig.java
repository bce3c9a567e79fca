package io.attune.scoring.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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

    /**
     * Crisis resources by locale: a full tag ({@code en-GB}), its language ({@code en}) or {@code default},
     * looked up in that order.
     */
    Map<String, List<CrisisResource>> crisisResources();

    interface CrisisResource {

        String name();

        String contact();

        Optional<String> url();
    }
}
