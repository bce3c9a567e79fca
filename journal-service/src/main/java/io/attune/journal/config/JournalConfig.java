package io.attune.journal.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "attune.journal")
public interface JournalConfig {

    /** How long an Idempotency-Key is remembered. */
    @WithDefault("24H")
    Duration idempotencyTtl();

    /** How often expired idempotency keys are removed (a scheduler interval such as {@code 10m}). */
    @WithDefault("10m")
    String idempotencyCleanupEvery();

    Outbox outbox();

    interface Outbox {

        /** How often the relay looks for pending documents when nothing wakes it. */
        @WithDefault("1s")
        Duration pollEvery();

        /** Largest number of pending documents published in one relay pass. */
        @WithDefault("500")
        int batchSize();

        /** How long one publication may wait for the broker's acknowledgement. */
        @WithDefault("15s")
        Duration sendTimeout();

        /** Pause after a failed pass, so an outage does not turn into a busy loop. */
        @WithDefault("2s")
        Duration retryBackoff();
    }
}
