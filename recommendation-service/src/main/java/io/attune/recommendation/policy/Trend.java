package io.attune.recommendation.policy;

import java.util.Locale;

/** Direction of a score over the rolling window. */
public enum Trend {
    IMPROVING,
    DECLINING,
    STEADY;

    /** {@code improving|declining|steady}, as shown on dashboards and in events. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
