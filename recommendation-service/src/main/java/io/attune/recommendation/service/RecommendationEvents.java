package io.attune.recommendation.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.attune.recommendation.Recommendation;
import io.attune.recommendation.messaging.RecommendationRelay;

/**
 * Nudges the relay on every new or changed recommendation, so that its event reaches {@code recommendations}, and
 * from there the Server-Sent Event streams of every replica, at once rather than on the relay's next schedule.
 */
@ApplicationScoped
public class RecommendationEvents {

    private final RecommendationRelay relay;

    public RecommendationEvents(RecommendationRelay relay) {
        this.relay = relay;
    }

    public void changed(Recommendation recommendation) {
        relay.wake();
    }

    /** Once for all the recommendations a batch of scores issued or changed. */
    public void changedInBatch() {
        relay.wake();
    }
}
