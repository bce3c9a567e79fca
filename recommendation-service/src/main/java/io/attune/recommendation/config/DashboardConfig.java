package io.attune.recommendation.config;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The coach dashboard at {@code /dashboard/} (docs/dashboard.md). */
@ConfigMapping(prefix = "attune.dashboard")
public interface DashboardConfig {

    /** A client with no assessment for this long is listed as stalled on the roster. */
    @WithDefault("7D")
    Duration stalledAfter();

    /** How often an open page's live stream looks for new assessments, alerts, recommendations and consent. */
    @WithDefault("1s")
    Duration liveInterval();

    /**
     * Marks the session cookie {@code Secure} even when the sign-in arrived over plain HTTP: set it behind a proxy
     * that terminates TLS without forwarding the scheme. A sign-in over HTTPS always gets a Secure cookie; plain
     * HTTP is for {@code attune up} on 127.0.0.1.
     */
    @WithDefault("false")
    boolean alwaysSecureCookie();

    /**
     * journal-service, which holds the client's full texts. The assessment view asks it for the entry or
     * conversation with the coach's own token, so journal-service applies its own checks and audits the read. Without
     * it, or when it does not answer, the view shows the passages the scorer quoted.
     */
    Optional<URI> journalUrl();

    /** How long the assessment view waits for journal-service. */
    @WithDefault("2s")
    Duration journalTimeout();

    /** The band cut-offs drawn on the charts; they mirror scoring-service's {@code BandPolicy} (docs/scoring.md). */
    Bands bands();

    interface Bands {
        @WithDefault("60")
        int conversationAttuned();

        @WithDefault("42")
        int conversationPartly();

        @WithDefault("55")
        int journalAttuned();

        @WithDefault("50")
        int journalPartly();
    }
}
