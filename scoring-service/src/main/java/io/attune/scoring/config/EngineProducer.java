package io.attune.scoring.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.attune.scoring.engine.AttunementAnalyzer;
import io.attune.scoring.engine.calibration.CalibrationModel;
import io.quarkus.logging.Log;

/** Exposes the plain-Java engine and the clock as beans; the engine knows nothing of Quarkus. */
public class EngineProducer {

    @Produces
    @Singleton
    AttunementAnalyzer analyzer(ScoringConfig config) {
        if (config.model().isEmpty()) {
            return new AttunementAnalyzer();
        }
        CalibrationModel model;
        try {
            model = CalibrationModel.load(config.model().get());
        } catch (IOException e) {
            // an operator asked for calibrated scores: scoring silently with the default would mislead
            throw new UncheckedIOException("attune.scoring.model: cannot load " + config.model().get(), e);
        }
        if (!model.baseScorerVersion().equals(AttunementAnalyzer.SCORER_VERSION)) {
            Log.warnf("Calibration model %s was trained against %s but the engine is %s; retrain it with "
                    + "attune calibrate so its signal features match", model.name(), model.baseScorerVersion(),
                    AttunementAnalyzer.SCORER_VERSION);
        }
        AttunementAnalyzer analyzer = new AttunementAnalyzer(model);
        Log.infof("Scoring with calibration model %s (%s); scorerVersion %s", model.name(),
                model.calibratedTargets(), analyzer.scorerVersion());
        return analyzer;
    }

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
