package io.attune.recommendation.policy;

/** How well an exercise suits the context of the assessment: 1.0 exact, 0.6 generic, 0.0 excluded. */
final class ContextFit {

    static final String SELF = "self";
    static final String OTHER = "other";
    static final String CHILD = "child";

    static final double EXACT = 1.0;
    static final double GENERIC = 0.6;
    static final double EXCLUDED = 0.0;

    private ContextFit() {
    }

    static double of(Exercise exercise, String context) {
        // The parenting check-in questions only make sense about one's own child (docs/recommendation-policy.md).
        if (ExerciseIds.PARENTING_CHECK_IN.equals(exercise.id())) {
            return CHILD.equals(context) ? EXACT : EXCLUDED;
        }
        if (exercise.contexts().contains(context)) {
            return EXACT;
        }
        if (exercise.contexts().isEmpty() || exercise.contexts().contains(OTHER)) {
            return GENERIC;
        }
        return EXCLUDED;
    }
}
