package io.attune.scoring.engine.calibration;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import io.attune.scoring.engine.AttunementAnalyzer;

/**
 * {@code attune calibrate --labels FILE.jsonl --out MODEL}: trains a calibration model on rater labels, prints
 * the cross-validated ROC AUC per dimension and writes the model. Exit codes: 0 written, 2 bad arguments or a bad
 * label file (each problem named by line and field), 1 the model could not be written.
 */
public final class CalibrateCommand {
    static final String USAGE = """
        usage: attune calibrate --labels FILE.jsonl --out MODEL.json [--folds K] [--min-examples N]
          --labels        one sample per line: {"kind":"conversation","relationship":...,"clientSpeaker":...,
                          "turns":[{"speaker":...,"text":...}...],"labels":{...}} or
                          {"kind":"journal","text":...,"labels":{...}}; labels map a dimension or overall to 0 or 1
          --out           where to write the model (JSON); load it with ATTUNE_SCORING_MODEL=MODEL.json
          --folds         cross-validation folds (default 5)
          --min-examples  fewest positives and negatives a dimension needs (default 10)""";

    private CalibrateCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command; returns the exit code instead of exiting so tests can call it. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Path labels = null;
        Path model = null;
        Trainer.Options defaults = Trainer.Options.defaults();
        int folds = defaults.folds();
        int minExamples = defaults.minExamples();
        try {
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--labels" -> labels = Path.of(value(args, ++i, arg));
                    case "--out" -> model = Path.of(value(args, ++i, arg));
                    case "--folds" -> folds = positive(value(args, ++i, arg), arg, 2);
                    case "--min-examples" -> minExamples = positive(value(args, ++i, arg), arg, 1);
                    case "-h", "--help" -> {
                        out.println(USAGE);
                        return 0;
                    }
                    default -> throw new IllegalArgumentException("unknown argument " + arg);
                }
            }
            if (labels == null || model == null) {
                throw new IllegalArgumentException("--labels and --out are required");
            }
        } catch (IllegalArgumentException e) {
            err.println("attune calibrate: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        if (!Files.isRegularFile(labels)) {
            err.println("attune calibrate: " + labels + ": no such file");
            return 2;
        }
        LabelFile.Contents contents;
        try {
            contents = LabelFile.read(labels);
        } catch (LabelFile.InvalidLabelFileException e) {
            err.println("attune calibrate: " + labels + " is not a valid label file:");
            String name = labels.getFileName().toString();
            e.problems().forEach(p -> err.println("  " + name + " " + p));
            return 2;
        } catch (IOException | java.io.UncheckedIOException e) {
            err.println("attune calibrate: cannot read " + labels + ": " + e.getMessage());
            return 2;
        }
        Trainer.Options options = new Trainer.Options(folds, minExamples, defaults.cGrid(), defaults.minDocs(),
            defaults.maxPerField(), defaults.seed());
        Trainer.Result result;
        try {
            result = new Trainer(new AttunementAnalyzer(), options).train(contents);
        } catch (Trainer.NothingToTrainException e) {
            err.println("attune calibrate: " + e.getMessage());
            return 2;
        }
        out.printf(Locale.ROOT, "Trained on %d samples (%s, sha256 %s)%n", contents.samples().size(),
            labels.getFileName(), contents.sha256());
        out.printf(Locale.ROOT, "%-13s %-20s %9s %9s %7s %4s %s%n", "kind", "target", "positives", "negatives", "C",
            "bid", folds + "-fold CV ROC AUC");
        for (Trainer.TargetReport r : result.reports()) {
            if (r.skipped() != null) {
                err.printf(Locale.ROOT, "warning: %s %s: %s%n", r.kind(), r.target(), r.skipped());
                continue;
            }
            out.printf(Locale.ROOT, "%-13s %-20s %9d %9d %7s %4s %.3f%n", r.kind(), r.target(), r.positives(),
                r.negatives(), trim(r.c()), r.bidFeatures() ? "yes" : "no", r.cvAuc());
        }
        try {
            result.model().save(model);
        } catch (IOException e) {
            err.println("attune calibrate: cannot write " + model + ": " + e.getMessage());
            return 1;
        }
        out.printf(Locale.ROOT, "Wrote %s; scorerVersion %s+%s%n", model, AttunementAnalyzer.SCORER_VERSION,
            result.model().name());
        out.printf(Locale.ROOT, "Use it: ATTUNE_SCORING_MODEL=%s infra/bin/attune up%n", model.toAbsolutePath());
        return 0;
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return args[i];
    }

    private static int positive(String value, String flag, int min) {
        try {
            int v = Integer.parseInt(value);
            if (v < min) {
                throw new IllegalArgumentException(flag + " must be at least " + min);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " must be a whole number, was " + value);
        }
    }

    private static String trim(double c) {
        return c == Math.rint(c) ? Long.toString((long) c) : Double.toString(c);
    }
}
