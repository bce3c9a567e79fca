package io.attune.recommendation.service;

import io.attune.chassis.problem.ProblemException;
import io.attune.recommendation.RecommendationStatus;

/** Feedback asked for a status change the lifecycle does not allow. */
public class IllegalTransitionException extends ProblemException {

    public IllegalTransitionException(RecommendationStatus from, RecommendationStatus to) {
        super(409, "illegal-transition", "Illegal status change",
                "A " + from.wireName() + " recommendation cannot become " + to.wireName() + ".");
    }
}
