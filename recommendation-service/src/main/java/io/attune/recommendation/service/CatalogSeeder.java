package io.attune.recommendation.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.attune.recommendation.config.RecommendationConfig;
import io.attune.recommendation.policy.Exercise;
import io.attune.recommendation.store.Collections;
import io.attune.recommendation.store.ExerciseStore;
import io.attune.recommendation.store.ExerciseStore.SeedOutcome;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;

/** Creates the indexes and seeds the exercise catalog from its versioned resource file at start-up. */
@ApplicationScoped
public class CatalogSeeder {

    /** The resource file: {@code {"version": 1, "exercises": [...]}}. */
    record CatalogFile(int version, List<Exercise> exercises) {
    }

    private final Collections collections;
    private final ExerciseStore exercises;
    private final RecommendationConfig config;
    private final ObjectMapper mapper;
    private final Clock clock;

    public CatalogSeeder(Collections collections, ExerciseStore exercises, RecommendationConfig config,
            ObjectMapper mapper, Clock clock) {
        this.collections = collections;
        this.exercises = exercises;
        this.config = config;
        this.mapper = mapper;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent event) {
        collections.createIndexes();
        CatalogFile catalog = load(config.catalogResource());
        Map<SeedOutcome, Integer> outcomes = new EnumMap<>(SeedOutcome.class);
        for (Exercise exercise : catalog.exercises()) {
            outcomes.merge(exercises.seed(exercise, catalog.version(), clock.instant()), 1, Integer::sum);
        }
        Log.infof("Exercise catalog v%d seeded: %s", catalog.version(), outcomes);
    }

    private CatalogFile load(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("catalog resource not found: " + resource);
            }
            return mapper.readValue(in, CatalogFile.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read catalog " + resource, e);
        }
    }
}
