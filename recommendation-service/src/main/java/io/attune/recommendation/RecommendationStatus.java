package io.attune.recommendation;

import java.util.EnumSet;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Lifecycle of a recommendation. Apps move it with feedback (viewed, completed, dismissed); the service
 * supersedes open ones when a crisis overrides them.
 */
public enum RecommendationStatus {
    ACTIVE, VIEWED, COMPLETED, DISMISSED, SUPERSEDED;

    /** Statuses that still occupy one of the client's active slots. */
    public static final Set<RecommendationStatus> OPEN = EnumSet.of(ACTIVE, VIEWED);

    /** Statuses an app may set through feedback. */
    public static final Set<RecommendationStatus> FEEDBACK = EnumSet.of(VIEWED, COMPLETED, DISMISSED);

    @JsonValue
    public String wireName() {
        return name().toLowerCase();
    }

    /** The statuses from which feedback may move a recommendation to this one. */
    public Set<RecommendationStatus> reachableFrom() {
        return switch (this) {
            case VIEWED -> EnumSet.of(ACTIVE);
            case COMPLETED, DISMISSED -> EnumSet.of(ACTIVE, VIEWED);
            case SUPERSEDED -> OPEN;
            case ACTIVE -> EnumSet.noneOf(RecommendationStatus.class);
        };
    }

    public static RecommendationStatus fromWire(String value) {
        for (RecommendationStatus status : values()) {
            if (status.wireName().equals(value)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown status " + value);
    }
}
