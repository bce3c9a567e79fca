package io.attune.recommendation.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether low scores or distress persist over the latest assessments (docs/recommendation-policy.md).
 *
 * @param windowSize    assessments looked at: the current one and up to {@code escalationWindow - 1} before it
 * @param lowCount      of those, how many had an overall score below {@code escalationLowOverall}
 * @param concernCount  of those, how many had safety level concern or crisis
 */
record Escalation(int windowSize, int lowCount, int concernCount, boolean byLowScores, boolean byConcern) {

    static Escalation evaluate(ScoreSnapshot current, List<ScoreSnapshot> earlier, PolicyThresholds thresholds) {
        List<ScoreSnapshot> all = new ArrayList<>(earlier);
        all.add(current);
        List<ScoreSnapshot> window = all.subList(Math.max(0, all.size() - thresholds.escalationWindow()), all.size());
        int low = (int) window.stream().filter(s -> s.overallScore() < thresholds.escalationLowOverall()).count();
        // An earlier crisis in the window counts as distress too.
        int concern = (int) window.stream().filter(s -> s.safety().atLeastConcern()).count();
        return new Escalation(window.size(), low, concern,
                low >= thresholds.escalationMinLowCount(),
                concern >= thresholds.concernEscalationCount());
    }

    boolean triggered() {
        return byLowScores || byConcern;
    }
}
