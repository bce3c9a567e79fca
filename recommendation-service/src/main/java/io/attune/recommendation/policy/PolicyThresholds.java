package io.attune.recommendation.policy;

import java.time.Duration;
import java.util.Objects;

/**
 * Tunable numbers of the policy. See docs/recommendation-policy.md for what each one does.
 *
 * @param weakDimension           a dimension scoring below this is weak and gets exercises
 * @param maxActive               open recommendations a client may have at once
 * @param dismissalCooldown       a dismissed exercise is not offered again for this long
 * @param rotateAfterCompletions  after this many completions an exercise yields to an alternative
 * @param escalationWindow        how many of the latest scores (current included) escalation looks at
 * @param escalationLowOverall    an overall score below this counts as low
 * @param escalationMinLowCount   low scores in the window that trigger escalation
 * @param concernEscalationCount  concern-or-worse safety readings in the window that trigger escalation
 */
public record PolicyThresholds(
        int weakDimension,
        int maxActive,
        Duration dismissalCooldown,
        int rotateAfterCompletions,
        int escalationWindow,
        int escalationLowOverall,
        int escalationMinLowCount,
        int concernEscalationCount) {

    public PolicyThresholds {
        Objects.requireNonNull(dismissalCooldown, "dismissalCooldown");
        requireBetween("weakDimension", weakDimension, 0, 100);
        requireBetween("escalationLowOverall", escalationLowOverall, 0, 100);
        requireBetween("maxActive", maxActive, 1, Integer.MAX_VALUE);
        requireBetween("rotateAfterCompletions", rotateAfterCompletions, 1, Integer.MAX_VALUE);
        requireBetween("escalationWindow", escalationWindow, 1, Integer.MAX_VALUE);
        requireBetween("escalationMinLowCount", escalationMinLowCount, 1, escalationWindow);
        requireBetween("concernEscalationCount", concernEscalationCount, 1, escalationWindow);
        if (dismissalCooldown.isNegative()) {
            throw new IllegalArgumentException("dismissalCooldown must not be negative");
        }
    }

    public static PolicyThresholds defaults() {
        return new PolicyThresholds(50, 3, Duration.ofDays(14), 5, 4, 35, 3, 2);
    }

    private static void requireBetween(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "], was " + value);
        }
    }
}
