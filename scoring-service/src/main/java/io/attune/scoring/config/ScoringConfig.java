package io.attune.scoring.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "attune.scoring")
public interface ScoringConfig {

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
