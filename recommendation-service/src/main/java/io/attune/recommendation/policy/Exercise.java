package io.attune.recommendation.policy;

import java.util.List;
import java.util.Objects;

/** One entry of the exercise catalog (see {@code catalog/exercises-v1.json}). */
public record Exercise(
        String id,
        String title,
        String instructions,
        int durationMinutes,
        List<String> targetDimensions,
        List<String> contexts,
        List<String> contraindications,
        String source) {

    public Exercise {
        Objects.requireNonNull(id, "id");
        targetDimensions = targetDimensions == null ? List.of() : List.copyOf(targetDimensions);
        contexts = contexts == null ? List.of() : List.copyOf(contexts);
        contraindications = contraindications == null ? List.of() : List.copyOf(contraindications);
    }

    public boolean targets(String dimension) {
        return targetDimensions.contains(dimension);
    }
}
