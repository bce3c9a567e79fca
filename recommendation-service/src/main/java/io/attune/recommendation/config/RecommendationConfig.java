package io.attune.recommendation.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.attune.recommendation.policy.PolicyThresholds;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "attune.recommendation")
public interface RecommendationConfig {

    Policy policy();

    /** How many scores each client profile keeps; dashboards and escalation read from these. */
    @WithDefault("50")
    int historySize();

    /** Rolling-average window of the profile, in scores. */
    @WithDefault("5")
    int profileWindow();

    /** Classpath resource of the versioned exercise catalog seeded at start-up. */
    @WithDefault("catalog/exercises-v1.json")
    String catalogResource();

    /**
     * How long an erasure marker drops late scores of an erased client. Keep it above the retention of
     * {@code attunement-scores}, so no score from before the erasure can still be delivered afterwards.
     */
    @WithDefault("30D")
    Duration erasureMarkerRetention();

    /**
     * The secret of the erasure markers' keyed hash (HMAC-SHA256 of the client id). Unset, it is derived from the
     * master key ({@code attune.crypto.master-key}), so a deployment needs no extra secret.
     */
    Optional<String> erasureMarkerSecret();

    /** What the {@code recommendations} topic, which apps outside Attune read, carries. */
    Events events();

    interface Events {

        /**
         * Whether the evidence quote and the summary that quotes it go on the topic. Off by default: they are the
         * client's words. On, they are sealed with the client's data key, so an erasure makes them unreadable.
         */
        @WithDefault("false")
        boolean includeWords();
    }

    /** How often unpublished recommendation events are retried. */
    @WithDefault("5s")
    String outboxRetryEvery();

    /** How consumers retry a record while MongoDB or Kafka is unavailable. */
    Retry retry();

    /** The Server-Sent Event streams of recommendation changes. */
    Stream stream();

    /**
     * Bounded exponential backoff for infrastructure failures. A record is retried until it succeeds (or the
     * service stops, leaving it uncommitted for the next instance); consumption of its partition waits meanwhile.
     */
    interface Retry {

        @WithDefault("200ms")
        Duration initialBackoff();

        @WithDefault("10s")
        Duration maxBackoff();
    }

    interface Stream {

        /**
         * Events buffered per subscriber while its connection is slow. A stream that overflows is closed rather
         * than thinned out, so the client reconnects and resumes from its {@code Last-Event-ID}.
         */
        @WithDefault("256")
        int buffer();

        /**
         * How many earlier records of the partition a resume also reads, to recognise events the relay published
         * twice that the client already has.
         */
        @WithDefault("500")
        int dedupeLookback();

        /** How long a new stream waits for this instance's feed of the topic to be in place. */
        @WithDefault("30s")
        Duration feedReadyTimeout();
    }

    /** The thresholds of the recommendation policy; see docs/recommendation-policy.md. */
    interface Policy {

        @WithDefault("50")
        int weakDimension();

        @WithDefault("3")
        int maxActive();

        @WithDefault("14D")
        Duration dismissalCooldown();

        @WithDefault("5")
        int rotateAfterCompletions();

        @WithDefault("4")
        int escalationWindow();

        @WithDefault("35")
        int escalationLowOverall();

        @WithDefault("3")
        int escalationMinLowCount();

        @WithDefault("2")
        int concernEscalationCount();

        default PolicyThresholds thresholds() {
            return new PolicyThresholds(weakDimension(), maxActive(), dismissalCooldown(), rotateAfterCompletions(),
                    escalationWindow(), escalationLowOverall(), escalationMinLowCount(), concernEscalationCount());
        }
    }
}
