package io.attune.recommendation.policy;

import java.time.Instant;
import java.util.Objects;

/** A recommendation the client currently has open (neither completed nor dismissed). */
public record ActiveRecommendation(String exerciseId, Instant issuedAt) {

    public ActiveRecommendation {
        Objects.requireNonNull(exerciseId, "exerciseId");
    }
}
