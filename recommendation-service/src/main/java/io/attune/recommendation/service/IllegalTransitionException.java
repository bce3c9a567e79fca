package io.attune.recommendation.service;

import io.attune.recommendation.RecommendationStatus;

/** Feedback asked for a status change the lifecycle does not allow. */
public class IllegalTransitionException extends RuntimeException {

    public IllegalTransitionException(RecommendationStatus from, RecommendationStatus to) {
        super("A " + from.wireName() + " recommendation cannot become " + to.wireName() + ".");
    }
}
