package io.attune.recommendation.policy;

/**
 * The client's own feedback on an exercise as a rank multiplier in [0.6, 1.4].
 *
 * <p>Helpfulness h (1-5) maps linearly to 0.6 + 0.2 (h - 1), so 3 is neutral; unknown is 1.0. Each completion
 * takes off 5 %, up to the rotation threshold, so that well-practised exercises make room for new ones.
 */
final class FeedbackFactor {

    static final double MIN = 0.6;
    static final double MAX = 1.4;
    static final double COMPLETION_STEP = 0.05;

    private FeedbackFactor() {
    }

    static double of(Double meanHelpfulness, int completions, int rotateAfterCompletions) {
        double helpfulness = meanHelpfulness == null || meanHelpfulness.isNaN()
                ? 1.0
                : 0.6 + 0.2 * (clamp(meanHelpfulness, 1.0, 5.0) - 1.0);
        double practice = 1.0 - COMPLETION_STEP * Math.min(Math.max(completions, 0), rotateAfterCompletions);
        return clamp(helpfulness * practice, MIN, MAX);
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }
}
