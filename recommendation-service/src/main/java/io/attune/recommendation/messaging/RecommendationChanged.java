package io.attune.recommendation.messaging;

import java.time.Instant;
import java.util.List;

import io.attune.chassis.crisis.CrisisResources;
import io.attune.recommendation.Recommendation;

/**
 * Outgoing {@code attune.recommendation.issued.v1} / {@code attune.recommendation.status-changed.v1} on
 * {@code recommendations} (docs/events/recommendation-changed.v1.schema.json).
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

    static RecommendationChanged of(String change, Instant at, Recommendation r) {
        return new RecommendationChanged(r.id(), r.clientId(), change, r.exerciseId(), r.title(),
                r.status().wireName(), r.reason(), r.crisisResources(), r.coachAlert(), at);
    }
}
