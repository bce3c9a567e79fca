package io.attune.recommendation.service;

import java.util.concurrent.Flow;

import jakarta.enterprise.context.ApplicationScoped;

import io.attune.recommendation.Recommendation;
import io.attune.recommendation.messaging.RecommendationRelay;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;

/**
 * Fans every new or changed recommendation out to open Server-Sent Event streams of this instance, and nudges
 * the relay so the Kafka event follows at once.
 */
@ApplicationScoped
public class RecommendationEvents {

    private final BroadcastProcessor<Recommendation> broadcast = BroadcastProcessor.create();
    /** The Kafka consumer and HTTP feedback threads report changes concurrently; a processor takes one at a time. */
    private final Flow.Processor<Recommendation, Recommendation> changes = broadcast.serialized();
    private final RecommendationRelay relay;

    public RecommendationEvents(RecommendationRelay relay) {
        this.relay = relay;
    }

    public void changed(Recommendation recommendation) {
        changes.onNext(recommendation);
        relay.wake();
    }

    public Multi<Recommendation> stream(String clientId) {
        return broadcast.filter(r -> r.clientId().equals(clientId));
    }
}
