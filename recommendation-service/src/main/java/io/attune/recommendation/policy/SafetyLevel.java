package io.attune.recommendation.policy;

import java.util.Locale;

/** The safety level the scoring service attaches to every assessment. */
public enum SafetyLevel {
    NONE,
    CONCERN,
    CRISIS;

    /**
     * Parses {@code none|concern|crisis}, ignoring case. Anything else is rejected rather than read as
     * {@code none}: silently downgrading an unknown level could hide a crisis.
     */
    public static SafetyLevel of(String value) {
        if (value == null) {
            throw new IllegalArgumentException("safetyLevel is required (none|concern|crisis)");
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown safetyLevel: " + value, e);
        }
    }

    public boolean atLeastConcern() {
        return this != NONE;
    }
}
