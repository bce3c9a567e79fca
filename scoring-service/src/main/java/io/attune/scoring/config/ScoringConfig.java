package io.attune.scoring.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "attune.scoring")
public interface ScoringConfig {

    /**
     * Crisis resources by locale: a full tag ({@code en-GB}), its language ({@code en}) or {@code default},
     * looked up in that order.
     */
    Map<String, List<CrisisResource>> crisisResources();

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

    interface CrisisResource {

        String name();

        String contact();

        Optional<String> url();
    }
}
