package io.attune.recommendation.policy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the policy knows about a client besides the current assessment.
 *
 * @param recentScores     earlier snapshots, oldest first, excluding the current one
 * @param active           open recommendations
 * @param lastDismissedAt  per exercise id, when the client last dismissed it
 * @param completedCount   per exercise id, how often the client completed it
 * @param meanHelpfulness  per exercise id, the mean of the client's 1-5 helpfulness ratings
 */
public record ClientHistory(
        List<ScoreSnapshot> recentScores,
        List<ActiveRecommendation> active,
        Map<String, Instant> lastDismissedAt,
        Map<String, Integer> completedCount,
        Map<String, Double> meanHelpfulness) {

    public ClientHistory {
        recentScores = recentScores == null ? List.of() : List.copyOf(recentScores);
        active = active == null ? List.of() : List.copyOf(active);
        lastDismissedAt = lastDismissedAt == null ? Map.of() : Map.copyOf(lastDismissedAt);
        completedCount = completedCount == null ? Map.of() : Map.copyOf(completedCount);
        meanHelpfulness = meanHelpfulness == null ? Map.of() : Map.copyOf(meanHelpfulness);
    }

    public static ClientHistory empty() {
        return new ClientHistory(List.of(), List.of(), Map.of(), Map.of(), Map.of());
    }

    public boolean isActive(String exerciseId) {
        return active.stream().anyMatch(a -> a.exerciseId().equals(exerciseId));
    }

    public int completions(String exerciseId) {
        return completedCount.getOrDefault(exerciseId, 0);
    }
}
