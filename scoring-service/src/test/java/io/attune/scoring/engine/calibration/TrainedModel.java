package io.attune.scoring.engine.calibration;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** One calibration run on a generated rater set, shared by the tests that only read its result. */
final class TrainedModel {
    static final double NOISE = 0.07;

    final Path labels;
    final Path model;
    final int exitCode;
    final String stdout;
    final String stderr;

    private TrainedModel(Path dir) {
        this.labels = new RaterSetGenerator(1).write(dir.resolve("train.jsonl"), 600, 300, NOISE);
        this.model = dir.resolve("model.json");
        String[] streams = new String[2];
        this.exitCode = run(streams, "--labels", labels.toString(), "--out", model.toString());
        this.stdout = streams[0];
        this.stderr = streams[1];
    }

    private static TrainedModel instance;

    static synchronized TrainedModel get() {
        if (instance == null) {
            try {
                instance = new TrainedModel(Files.createTempDirectory("attune-calibration"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    CalibrationModel load() {
        try {
            return CalibrationModel.load(model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code attune calibrate} in-process; streams[0] gets stdout, streams[1] stderr. */
    static int run(String[] streams, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = CalibrateCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
        streams[0] = out.toString(StandardCharsets.UTF_8);
        streams[1] = err.toString(StandardCharsets.UTF_8);
        return code;
    }
}
