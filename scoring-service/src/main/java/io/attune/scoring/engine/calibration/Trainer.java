package io.attune.scoring.engine.calibration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;

import io.attune.scoring.engine.AttunementAnalyzer;
import io.attune.scoring.engine.Observation;

/**
 * Trains a {@link CalibrationModel}: per kind and per labelled target (a dimension or {@code overall}) an
 * L2-regularised logistic regression (liblinear's primal Newton solver, unregularised bias) over the
 * {@link Featurizer} features. The regularisation strength C is chosen from a grid by k-fold cross-validation; the
 * feature space is refitted inside each fold so the reported AUC never sees its test fold's n-grams. Deterministic:
 * the fold split uses a fixed seed, features are sorted by name, and the solver has no randomness.
 */
public final class Trainer {

    /**
     * @param folds         cross-validation folds
     * @param minExamples   fewest positives and fewest negatives a target needs to be trained
     * @param cGrid         candidate values of liblinear's C (inverse regularisation strength)
     * @param minDocs       an n-gram must occur in this many training samples to become a feature
     * @param maxPerField   most n-gram features per field (most frequent kept)
     * @param seed          seed of the fold split
     */
    public record Options(int folds, int minExamples, double[] cGrid, int minDocs, int maxPerField, long seed) {
        public static Options defaults() {
            return new Options(5, 10, new double[] {0.3, 1, 3, 10, 30, 100}, 2, 20_000, 20_261_201L);
        }
    }

    /** Outcome for one target; {@code skipped} explains why it keeps the lexical score, else null. */
    public record TargetReport(String kind, String target, int positives, int negatives, double c,
                               boolean bidFeatures, double cvAuc, String skipped) {
    }

    public record Result(CalibrationModel model, List<TargetReport> reports) {
    }

    /** Nothing in the label file had enough examples of both classes. */
    public static final class NothingToTrainException extends Exception {
        NothingToTrainException(String message) {
            super(message);
        }
    }

    private final AttunementAnalyzer engine;
    private final Options options;

    public Trainer(AttunementAnalyzer engine, Options options) {
        this.engine = engine;
        this.options = options;
    }

    public Result train(LabelFile.Contents contents) throws NothingToTrainException {
        Linear.disableDebugOutput();
        Map<String, CalibrationModel.KindModel> kinds = new LinkedHashMap<>();
        List<TargetReport> reports = new ArrayList<>();
        for (String kind : List.of("conversation", "journal")) {
            List<LabelledSample> samples = contents.samples().stream().filter(s -> s.kind().equals(kind)).toList();
            if (samples.isEmpty()) {
                continue;
            }
            CalibrationModel.KindModel model = trainKind(kind, samples, reports);
            if (model != null) {
                kinds.put(kind, model);
            }
        }
        if (kinds.isEmpty()) {
            throw new NothingToTrainException("no dimension has at least " + options.minExamples()
                + " positive and " + options.minExamples() + " negative labels; nothing to calibrate");
        }
        return new Result(new CalibrationModel(contents.sha256(), contents.lines(), AttunementAnalyzer.SCORER_VERSION,
            kinds), List.copyOf(reports));
    }

    private CalibrationModel.KindModel trainKind(String kind, List<LabelledSample> samples,
                                                 List<TargetReport> reports) {
        List<String> dimensions = AttunementAnalyzer.dimensionNames(kind);
        List<String> targets = new ArrayList<>(dimensions);
        targets.add(CalibrationModel.OVERALL);
        int n = samples.size();
        List<Observation> observations = new ArrayList<>(n);
        for (LabelledSample s : samples) {
            observations.add(kind.equals("journal") ? engine.observe(s.journal()) : engine.observe(s.conversation()));
        }
        List<String> trainable = new ArrayList<>();
        Map<String, String> skipped = new LinkedHashMap<>();
        for (String target : targets) {
            int[] counts = counts(samples, target);
            if (counts[0] + counts[1] == 0) {
                continue;
            }
            if (counts[1] < options.minExamples() || counts[0] < options.minExamples()) {
                String reason = counts[1] + " positive and " + counts[0] + " negative labels (need at least "
                    + options.minExamples() + " of each); keeps the default scoring";
                skipped.put(target, reason);
                reports.add(new TargetReport(kind, target, counts[1], counts[0], Double.NaN, false, Double.NaN,
                    reason));
            } else {
                trainable.add(target);
            }
        }
        if (trainable.isEmpty()) {
            return null;
        }
        int[] fold = folds(n);
        double[] grid = options.cGrid();
        // conversations also try every C without the bid's n-grams: they help only where raters code the reply
        // in the light of what it answers
        boolean[] bidVariants = kind.equals("conversation") ? new boolean[] {true, false} : new boolean[] {false};
        int candidates = bidVariants.length * grid.length;
        // out-of-fold logits per target and candidate (bid variant x C)
        double[][][] oof = new double[trainable.size()][candidates][n];
        for (int f = 0; f < options.folds(); f++) {
            List<Observation> train = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (fold[i] != f) {
                    train.add(observations.get(i));
                }
            }
            Featurizer featurizer = Featurizer.fit(kind, train, options.minDocs(), options.maxPerField());
            Feature[][][] x = new Feature[bidVariants.length][][];
            for (int v = 0; v < bidVariants.length; v++) {
                x[v] = vectors(featurizer, observations, bidVariants[v]);
            }
            for (int t = 0; t < trainable.size(); t++) {
                String target = trainable.get(t);
                List<Integer> trainIdx = new ArrayList<>();
                List<Integer> testIdx = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    if (samples.get(i).labels().containsKey(target)) {
                        (fold[i] == f ? testIdx : trainIdx).add(i);
                    }
                }
                if (testIdx.isEmpty()) {
                    continue;
                }
                for (int v = 0; v < bidVariants.length; v++) {
                    for (int c = 0; c < grid.length; c++) {
                        double[] w = fit(x[v], samples, target, trainIdx, featurizer.size(), grid[c]);
                        for (int i : testIdx) {
                            oof[t][v * grid.length + c][i] = logit(w, x[v][i]);
                        }
                    }
                }
            }
        }
        Featurizer featurizer = Featurizer.fit(kind, observations, options.minDocs(), options.maxPerField());
        Feature[][][] x = new Feature[bidVariants.length][][];
        for (int v = 0; v < bidVariants.length; v++) {
            x[v] = vectors(featurizer, observations, bidVariants[v]);
        }
        CalibrationModel.Target[] byDimension = new CalibrationModel.Target[dimensions.size()];
        CalibrationModel.Target overall = null;
        for (int t = 0; t < trainable.size(); t++) {
            String target = trainable.get(t);
            List<Integer> labelled = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (samples.get(i).labels().containsKey(target)) {
                    labelled.add(i);
                }
            }
            boolean[] positive = new boolean[labelled.size()];
            for (int k = 0; k < positive.length; k++) {
                positive[k] = samples.get(labelled.get(k)).labels().get(target) == 1;
            }
            int best = 0;
            double bestAuc = -1;
            for (int candidate = 0; candidate < candidates; candidate++) {
                double[] scores = new double[labelled.size()];
                for (int k = 0; k < scores.length; k++) {
                    scores[k] = oof[t][candidate][labelled.get(k)];
                }
                double auc = RocAuc.of(scores, positive);
                if (auc > bestAuc + 1e-12) {
                    best = candidate;
                    bestAuc = auc;
                }
            }
            boolean withBid = bidVariants[best / grid.length];
            double c = grid[best % grid.length];
            double[] w = fit(x[best / grid.length], samples, target, labelled, featurizer.size(), c);
            int[] counts = counts(samples, target);
            CalibrationModel.Target model = new CalibrationModel.Target(target, c, withBid, w[featurizer.size()],
                Arrays.copyOf(w, featurizer.size()), counts[1], counts[0], bestAuc);
            if (target.equals(CalibrationModel.OVERALL)) {
                overall = model;
            } else {
                byDimension[dimensions.indexOf(target)] = model;
            }
            reports.add(new TargetReport(kind, target, counts[1], counts[0], c, withBid, bestAuc, null));
        }
        return new CalibrationModel.KindModel(featurizer, byDimension, overall, n, skipped);
    }

    /** {negatives, positives} labelled for a target. */
    private static int[] counts(List<LabelledSample> samples, String target) {
        int[] counts = new int[2];
        for (LabelledSample s : samples) {
            Integer label = s.labels().get(target);
            if (label != null) {
                counts[label]++;
            }
        }
        return counts;
    }

    /** Shuffled with a fixed seed, then dealt round-robin: every fold gets a fair share of each kind of line. */
    private int[] folds(int n) {
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Collections.shuffle(Arrays.asList(order), new Random(options.seed()));
        int[] fold = new int[n];
        for (int k = 0; k < n; k++) {
            fold[order[k]] = k % options.folds();
        }
        return fold;
    }

    /**
     * The observations as liblinear rows: 1-based feature ids in ascending order, then the bias column; without
     * the bid's n-grams unless {@code withBid}.
     */
    private static Feature[][] vectors(Featurizer featurizer, List<Observation> observations, boolean withBid) {
        boolean[] bid = featurizer.bidFeatures();
        FeatureVector v = new FeatureVector();
        Feature[][] out = new Feature[observations.size()][];
        int biasIndex = featurizer.size() + 1;
        for (int i = 0; i < out.length; i++) {
            featurizer.extract(observations.get(i), v);
            Integer[] slots = new Integer[v.count];
            for (int s = 0; s < v.count; s++) {
                slots[s] = s;
            }
            int[] ids = v.ids;
            Arrays.sort(slots, (a, b) -> Integer.compare(ids[a], ids[b]));
            List<Feature> row = new ArrayList<>(v.count + 1);
            for (int s : slots) {
                if (v.values[s] != 0.0 && (withBid || !bid[ids[s]])) {
                    row.add(new FeatureNode(ids[s] + 1, v.values[s]));
                }
            }
            row.add(new FeatureNode(biasIndex, 1.0));
            out[i] = row.toArray(new Feature[0]);
        }
        return out;
    }

    /** Weights for features 0..size-1 and the bias at index size, oriented so that positive means label 1. */
    private static double[] fit(Feature[][] x, List<LabelledSample> samples, String target, List<Integer> rows,
                                int size, double c) {
        Problem problem = new Problem();
        problem.l = rows.size();
        problem.n = size + 1;
        problem.bias = 1.0;
        problem.x = new Feature[rows.size()][];
        problem.y = new double[rows.size()];
        boolean anyPositive = false;
        boolean anyNegative = false;
        for (int k = 0; k < rows.size(); k++) {
            problem.x[k] = x[rows.get(k)];
            boolean positive = samples.get(rows.get(k)).labels().get(target) == 1;
            problem.y[k] = positive ? 1 : -1;
            anyPositive |= positive;
            anyNegative |= !positive;
        }
        double[] w = new double[size + 1];
        if (!anyPositive || !anyNegative) {
            // a fold without one class: a constant prediction, which ranks nothing
            return w;
        }
        Parameter parameter = new Parameter(SolverType.L2R_LR, c, 0.001);
        parameter.setRegularizeBias(false);
        parameter.setRandom(new Random(0));
        Model model = Linear.train(problem, parameter);
        double[] raw = model.getFeatureWeights();
        double sign = model.getLabels()[0] == 1 ? 1 : -1;
        for (int j = 0; j < w.length && j < raw.length; j++) {
            w[j] = sign * raw[j];
        }
        return w;
    }

    private static double logit(double[] w, Feature[] row) {
        double sum = 0;
        for (Feature f : row) {
            sum += w[f.getIndex() - 1] * f.getValue();
        }
        return sum;
    }
}
