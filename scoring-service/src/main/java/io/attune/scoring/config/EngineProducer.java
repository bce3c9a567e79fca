package io.attune.scoring.config;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.attune.scoring.engine.AttunementAnalyzer;

/** Exposes the plain-Java engine and the clock as beans; the engine knows nothing of Quarkus. */
public class EngineProducer {

    @Produces
    @Singleton
    AttunementAnalyzer analyzer() {
        return new AttunementAnalyzer();
    }

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
