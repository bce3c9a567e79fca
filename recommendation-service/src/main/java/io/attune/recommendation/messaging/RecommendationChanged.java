package io.attune.recommendation.messaging;

import java.time.Instant;
import java.util.List;

import io.attune.chassis.crisis.CrisisResources;
import io.attune.recommendation.Recommendation;
import io.attune.recommendation.policy.PickSummaries;

/**
 * Outgoing {@code attune.recommendation.issued.v1} / {@code attune.recommendation.status-changed.v1} on
 * {@code recommendations} (docs/events/recommendation-changed.v1.schema.json). Apps outside Attune read this topic,
 * so the reason's evidence quote and quoting summary (the client's words) are left out, or sealed with the client's
 * data key when {@code attune.recommendation.events.include-words} is on.
 */
public record RecommendationChanged(
        String recommendationId,
        String clientId,
        String change,
        String exerciseId,
        String title,
        String status,
        Recommendation.Reason reason,
        List<CrisisResources.Resource> crisisResources,
        boolean coachAlert,
        Instant occurredAt) {

    public static final String DATASCHEMA = "https://attune.io/schemas/recommendation-changed.v1.schema.json";

    public static String type(String change) {
        return "attune.recommendation." + change + ".v1";
    }

    /**
     * The same event without the client's words: no evidence quote, and the summary without the quote. What the
     * topic carries unless {@code attune.recommendation.events.include-words} is on.
     */
    RecommendationChanged withoutWords() {
        Recommendation.Reason words = reason;
        Recommendation.Reason none = words == null ? null : new Recommendation.Reason(words.dimension(),
                words.score(), null, words.assessmentId(), PickSummaries.withoutQuote(words.summary()));
        return new RecommendationChanged(recommendationId, clientId, change, exerciseId, title, status, none,
                crisisResources, coachAlert, occurredAt);
    }

    static RecommendationChanged of(String change, Instant at, Recommendation r) {
        return new RecommendationChanged(r.id(), r.clientId(), change, r.exerciseId(), r.title(),
                r.status().wireName(), r.reason(), r.crisisResources(), r.coachAlert(), at);
    }
}
