package io.attune.recommendation.policy;

import java.util.Objects;

/** One scored dimension of an assessment; the excerpt is the evidence that moved it most, if any. */
public record DimensionReading(String name, int score, String evidenceExcerpt) {

    public DimensionReading {
        Objects.requireNonNull(name, "name");
    }
}
