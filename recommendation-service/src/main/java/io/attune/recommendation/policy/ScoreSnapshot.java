package io.attune.recommendation.policy;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the policy needs from one assessment.
 *
 * @param kind        {@code conversation} or {@code journal}
 * @param context     {@code self|partner|child|friend|colleague|coachee|other}; when null, journals count as
 *                    {@code self} and conversations as {@code other}
 * @param safetyLevel {@code none|concern|crisis}
 */
public record ScoreSnapshot(
        String assessmentId,
        String kind,
        String context,
        int overallScore,
        String band,
        List<DimensionReading> dimensions,
        String safetyLevel,
        Instant scoredAt) {

    public static final String JOURNAL = "journal";

    public ScoreSnapshot {
        Objects.requireNonNull(assessmentId, "assessmentId");
        dimensions = dimensions == null ? List.of() : List.copyOf(dimensions);
    }

    public SafetyLevel safety() {
        return SafetyLevel.of(safetyLevel);
    }

    public boolean isJournal() {
        return JOURNAL.equalsIgnoreCase(kind);
    }

    /** The context used for matching exercises, with the defaults described above. */
    public String effectiveContext() {
        if (context != null && !context.isBlank()) {
            return context;
        }
        return isJournal() ? ContextFit.SELF : ContextFit.OTHER;
    }
}
