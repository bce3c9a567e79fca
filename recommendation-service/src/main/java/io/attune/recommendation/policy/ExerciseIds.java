package io.attune.recommendation.policy;

/** Catalog ids that the policy treats specially. */
public final class ExerciseIds {

    /** Issued only by escalation or crisis, never as an ordinary pick. */
    public static final String SEEK_THERAPY = "seek-therapy";

    /** Suits conversations with a child only, whatever its catalog entry says. */
    public static final String PARENTING_CHECK_IN = "parenting-check-in";

    private ExerciseIds() {
    }
}
