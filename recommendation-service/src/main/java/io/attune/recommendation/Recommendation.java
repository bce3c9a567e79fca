package io.attune.recommendation;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.attune.chassis.crisis.CrisisResources;

/** An exercise recommended to a client, with the reason it was made and where it stands. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Recommendation(
        String id,
        String clientId,
        String exerciseId,
        String title,
        String instructions,
        int durationMinutes,
        RecommendationStatus status,
        Reason reason,
        List<CrisisResources.Resource> crisisResources,
        boolean coachAlert,
        double rank,
        Instant issuedAt,
        Instant updatedAt,
        Feedback feedback) {

    /** Why: the dimension and its score, the evidence excerpt, and the assessment it came from. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Reason(String dimension, Integer score, String evidence, String assessmentId, String summary) {
    }

    /** The client's latest feedback. */
    public record Feedback(Integer helpful, String note, Instant at) {
    }
}
