package io.attune.recommendation.config;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.attune.recommendation.policy.RecommendationPolicy;

/** The plain-Java policy and the clock, as beans. */
public class Beans {

    @Produces
    @Singleton
    RecommendationPolicy policy(RecommendationConfig config) {
        return new RecommendationPolicy(config.policy().thresholds());
    }

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
