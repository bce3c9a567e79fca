package io.attune.scoring.engine.calibration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.attune.scoring.engine.AttunementAnalyzer;
import io.attune.scoring.engine.Calibration;
import io.attune.scoring.engine.DimensionScore;
import io.attune.scoring.engine.Evidence;
import io.attune.scoring.engine.Observation;
import io.attune.scoring.engine.ScoreCalibration;

/**
 * Per-dimension logistic regressions trained on an organisation's rater labels ({@link Trainer}), applied on top of
 * the lexical engine. A calibrated dimension scores {@code round(100 * sigmoid(logit))} with
 * {@code logit = bias + sum(weight x value)}; its evidence lists the {@link #MAX_EVIDENCE} largest contributions
 * (n-grams on their first span, engine signals on the engine's own spans) and one {@code other-features} entry
 * with the sum of the rest, so the baseline plus the listed contributions is exactly the logit. Dimensions the model
 * has no labels for keep the lexical score. Immutable and thread-safe.
 */
public final class CalibrationModel implements ScoreCalibration {
    public static final String FORMAT = "attune-calibration/1";
    public static final String OVERALL = "overall";
    /** Evidence entries per calibrated score before the rest is summed into one. */
    static final int MAX_EVIDENCE = 10;
    static final String OTHER = "other-features";
    /** Score points a logit unit is worth at mid-scale (the slope of 100 * sigmoid at 0): the evidence effect. */
    static final double POINTS_PER_LOGIT = 25.0;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /** One trained target: a dimension of a kind, or its overall label. */
    record Target(String name, double c, boolean bidFeatures, double bias, double[] weights, int positives,
                  int negatives, double cvAuc) {
    }

    /** Everything calibrated for one kind; {@code dimensions} follows the engine's order, null = lexical score. */
    record KindModel(Featurizer featurizer, Target[] dimensions, Target overall, int examples,
                     Map<String, String> skipped) {
    }

    private final String name;
    private final String trainingDataSha256;
    private final int trainingLines;
    private final String baseScorerVersion;
    private final Map<String, KindModel> kinds;

    CalibrationModel(String trainingDataSha256, int trainingLines, String baseScorerVersion,
                     Map<String, KindModel> kinds) {
        this.name = "calibrated-" + trainingDataSha256.substring(0, 12);
        this.trainingDataSha256 = trainingDataSha256;
        this.trainingLines = trainingLines;
        this.baseScorerVersion = baseScorerVersion;
        this.kinds = Map.copyOf(kinds);
    }

    @Override
    public String name() {
        return name;
    }

    public String trainingDataSha256() {
        return trainingDataSha256;
    }

    /** The lexical scorer version the signal features were trained against. */
    public String baseScorerVersion() {
        return baseScorerVersion;
    }

    /** Calibrated targets per kind (dimension names and {@code overall}), in engine order. */
    public Map<String, List<String>> calibratedTargets() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String kind : List.of("conversation", "journal")) {
            KindModel k = kinds.get(kind);
            if (k == null) {
                continue;
            }
            List<String> names = new ArrayList<>();
            for (Target t : k.dimensions()) {
                if (t != null) {
                    names.add(t.name());
                }
            }
            if (k.overall() != null) {
                names.add(OVERALL);
            }
            out.put(kind, List.copyOf(names));
        }
        return out;
    }

    @Override
    public Result apply(Observation observation) {
        KindModel model = kinds.get(observation.kind());
        if (model == null) {
            return null;
        }
        Scratch scratch = SCRATCH.get();
        FeatureVector features = scratch.features;
        model.featurizer().extract(observation, features);
        List<DimensionScore> defaults = observation.defaults();
        List<DimensionScore> scores = new ArrayList<>(defaults.size());
        for (int d = 0; d < defaults.size(); d++) {
            Target target = model.dimensions()[d];
            scores.add(target == null ? defaults.get(d) : score(target, observation, scratch));
        }
        DimensionScore overall = model.overall() == null ? null : score(model.overall(), observation, scratch);
        features.reset(0);
        return new Result(scores, overall);
    }

    /** Scratch space for one thread: the feature vector and the running top contributions. */
    private static final class Scratch {
        final FeatureVector features = new FeatureVector();
        /** Item: a signal item index, or {@code -1 - slot} for an n-gram slot. */
        final int[] topItem = new int[MAX_EVIDENCE];
        final double[] topContribution = new double[MAX_EVIDENCE];
        int topCount;
        double rest;
        int restCount;

        void consider(int item, double contribution) {
            double magnitude = Math.abs(contribution);
            if (topCount == MAX_EVIDENCE) {
                if (magnitude <= Math.abs(topContribution[MAX_EVIDENCE - 1])) {
                    rest += contribution;
                    restCount++;
                    return;
                }
                rest += topContribution[MAX_EVIDENCE - 1];
                restCount++;
                topCount--;
            }
            int at = topCount;
            while (at > 0 && Math.abs(topContribution[at - 1]) < magnitude) {
                topItem[at] = topItem[at - 1];
                topContribution[at] = topContribution[at - 1];
                at--;
            }
            topItem[at] = item;
            topContribution[at] = contribution;
            topCount++;
        }
    }

    private static DimensionScore score(Target target, Observation o, Scratch scratch) {
        FeatureVector f = scratch.features;
        double[] w = target.weights();
        scratch.topCount = 0;
        scratch.rest = 0.0;
        scratch.restCount = 0;
        double logit = target.bias();
        for (int i = 0; i < f.signalCount; i++) {
            double c = w[f.ids[f.signalSlot[i]]] * f.signalValue[i];
            if (c != 0.0) {
                logit += c;
                scratch.consider(i, c);
            }
        }
        for (int s = 0; s < f.count; s++) {
            if (f.textOf[s] < 0) {
                continue;
            }
            double c = w[f.ids[s]] * f.values[s];
            if (c != 0.0) {
                logit += c;
                scratch.consider(-1 - s, c);
            }
        }
        List<Evidence> evidence = new ArrayList<>(scratch.topCount + 1);
        for (int k = 0; k < scratch.topCount; k++) {
            int item = scratch.topItem[k];
            double c = scratch.topContribution[k];
            int effect = (int) Math.round(POINTS_PER_LOGIT * c);
            if (item >= 0) {
                Evidence e = f.signalEvidence[item];
                evidence.add(new Evidence(e.turn(), e.start(), e.end(), e.text(), e.signal(), effect, c));
            } else {
                int s = -1 - item;
                int text = f.textOf[s];
                String field = o.isJournal() ? Featurizer.TEXT : o.client(text) ? Featurizer.CLIENT : Featurizer.BID;
                evidence.add(new Evidence(o.evidenceTurn(text), f.startOf[s], f.endOf[s],
                    o.text(text).substring(f.startOf[s], f.endOf[s]), field + "-ngram", effect, c));
            }
        }
        if (scratch.restCount > 0) {
            evidence.add(new Evidence(firstClientTurn(o), 0, 0, "", OTHER,
                (int) Math.round(POINTS_PER_LOGIT * scratch.rest), scratch.rest));
        }
        return new DimensionScore(target.name(), Calibration.score(logit), List.copyOf(evidence),
            new Calibration(target.bias(), logit));
    }

    private static int firstClientTurn(Observation o) {
        for (int i = 0; i < o.textCount(); i++) {
            if (o.client(i)) {
                return o.evidenceTurn(i);
            }
        }
        return o.evidenceTurn(0);
    }

    // ---- persistence ----

    /** Writes the model as JSON; the same model always gives the same bytes. */
    public void save(Path file) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("name", name);
        root.put("baseScorerVersion", baseScorerVersion);
        ObjectNode data = root.putObject("trainingData");
        data.put("sha256", trainingDataSha256);
        data.put("lines", trainingLines);
        ObjectNode kindsNode = root.putObject("kinds");
        for (String kind : List.of("conversation", "journal")) {
            KindModel k = kinds.get(kind);
            if (k == null) {
                continue;
            }
            ObjectNode kn = kindsNode.putObject(kind);
            kn.put("examples", k.examples());
            ArrayNode names = kn.putArray("features");
            k.featurizer().names.forEach(names::add);
            ArrayNode idf = kn.putArray("idf");
            for (double v : k.featurizer().idf) {
                idf.add(v);
            }
            ObjectNode targets = kn.putObject("targets");
            for (Target t : k.dimensions()) {
                if (t != null) {
                    writeTarget(targets.putObject(t.name()), t);
                }
            }
            if (k.overall() != null) {
                writeTarget(targets.putObject(OVERALL), k.overall());
            }
            ObjectNode skipped = kn.putObject("skipped");
            k.skipped().forEach(skipped::put);
        }
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(DefaultPrettyPrinter.NopIndenter.instance);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, JSON.writer(printer).writeValueAsString(root) + "\n");
    }

    private static void writeTarget(ObjectNode node, Target t) {
        node.put("c", t.c());
        node.put("bidFeatures", t.bidFeatures());
        node.put("positives", t.positives());
        node.put("negatives", t.negatives());
        node.put("cvAuc", t.cvAuc());
        node.put("bias", t.bias());
        ArrayNode weights = node.putArray("weights");
        for (double w : t.weights()) {
            weights.add(w);
        }
    }

    /**
     * Reads a model written by {@link #save}.
     *
     * @throws InvalidModelException naming what is wrong, when the file is not such a model
     */
    public static CalibrationModel load(Path file) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new InvalidModelException(file + ": not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new InvalidModelException(file + ": not a calibration model (format must be " + FORMAT + ")");
        }
        try {
            String sha = text(root.path("trainingData"), "sha256");
            Map<String, KindModel> kinds = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> it = root.path("kinds").fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                kinds.put(e.getKey(), readKind(e.getKey(), e.getValue()));
            }
            CalibrationModel model = new CalibrationModel(sha, root.path("trainingData").path("lines").asInt(),
                text(root, "baseScorerVersion"), kinds);
            if (!model.name.equals(root.path("name").asText())) {
                throw new InvalidModelException(file + ": name does not match the training-data hash");
            }
            return model;
        } catch (IllegalArgumentException e) {
            throw new InvalidModelException(file + ": " + e.getMessage());
        }
    }

    private static KindModel readKind(String kind, JsonNode node) {
        List<String> dims = AttunementAnalyzer.dimensionNames(kind);
        if (dims == null) {
            throw new IllegalArgumentException("unknown kind " + kind);
        }
        List<String> names = new ArrayList<>();
        node.path("features").forEach(n -> names.add(n.asText()));
        double[] idf = doubles(node.path("idf"), names.size(), kind + ".idf");
        Featurizer featurizer = new Featurizer(kind, names, idf);
        Target[] dimensions = new Target[dims.size()];
        Target overall = null;
        Iterator<Map.Entry<String, JsonNode>> it = node.path("targets").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode t = e.getValue();
            Target target = new Target(e.getKey(), t.path("c").asDouble(), t.path("bidFeatures").asBoolean(),
                number(t, "bias"),
                doubles(t.path("weights"), names.size(), kind + "." + e.getKey() + ".weights"),
                t.path("positives").asInt(), t.path("negatives").asInt(), t.path("cvAuc").asDouble(Double.NaN));
            if (e.getKey().equals(OVERALL)) {
                overall = target;
            } else if (dims.contains(e.getKey())) {
                dimensions[dims.indexOf(e.getKey())] = target;
            } else {
                throw new IllegalArgumentException("unknown " + kind + " dimension " + e.getKey());
            }
        }
        Map<String, String> skipped = new LinkedHashMap<>();
        node.path("skipped").fields().forEachRemaining(e -> skipped.put(e.getKey(), e.getValue().asText()));
        return new KindModel(featurizer, dimensions, overall, node.path("examples").asInt(), skipped);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual() || v.asText().isEmpty()) {
            throw new IllegalArgumentException(field + " is missing");
        }
        return v.asText();
    }

    private static double number(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isNumber()) {
            throw new IllegalArgumentException(field + " must be a number");
        }
        return v.asDouble();
    }

    private static double[] doubles(JsonNode array, int size, String what) {
        if (!array.isArray() || array.size() != size) {
            throw new IllegalArgumentException(what + " must be an array of " + size + " numbers");
        }
        double[] out = new double[size];
        for (int i = 0; i < size; i++) {
            if (!array.get(i).isNumber()) {
                throw new IllegalArgumentException(what + "[" + i + "] must be a number");
            }
            out[i] = array.get(i).asDouble();
        }
        return out;
    }

    /** The model file is missing parts or was not written by {@code attune calibrate}. */
    public static final class InvalidModelException extends IOException {
        public InvalidModelException(String message) {
            super(message);
        }
    }
}
