package io.attune.scoring.engine;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Trains the semantic tier of the crisis screen ({@link SafetyModel}) from the safety corpus' tuning part only,
 * and writes {@code safety-model.tsv}. Every text is one example: a journal's text, or one turn of a
 * conversation. Its label is the item's crisis category when the item is a crisis and the text is what the
 * person at risk said, and "none" otherwise (hard negatives, concerns and the other speaker's turns included).
 * One-vs-rest L2-regularised logistic regression (liblinear {@code L2R_LR}, C = {@value #C}, unregularised
 * bias), binary word and word-pair features seen in at least two texts, L2-normalised. Deterministic: the
 * same corpus gives the same file byte for byte ({@code SafetyModelTest}).
 *
 * <p>Run: {@code java -cp <test classpath> io.attune.scoring.engine.SafetyModelTrainer
 * scoring-service/src/main/resources/io/attune/scoring/engine/safety-model.tsv}
 */
public final class SafetyModelTrainer {
    static final double C = 4.0;
    static final String CORPUS = "/safety/tuning.jsonl";
    static final List<String> CLASSES = List.of("suicidal-ideation", "self-harm", "harm-to-others",
        "domestic-abuse", "child-at-risk");

    private SafetyModelTrainer() {
    }

    public static void main(String[] args) throws IOException {
        Files.writeString(Path.of(args[0]), train(), StandardCharsets.UTF_8);
    }

    /** The model file's text. */
    static String train() {
        String corpus = read(CORPUS);
        AttunementAnalyzer analyzer = new AttunementAnalyzer();
        RiskGrammar grammar = new RiskGrammar();
        List<List<String>> texts = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (String line : corpus.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) MiniJson.parse(line);
            boolean crisis = "crisis".equals(m.get("expectedLevel")) && CLASSES.contains((String) m.get("category"));
            int label = crisis ? CLASSES.indexOf((String) m.get("category")) + 1 : 0;
            if ("conversation".equals(m.get("kind"))) {
                for (Object t : (List<?>) m.get("turns")) {
                    Map<?, ?> turn = (Map<?, ?>) t;
                    boolean atRisk = turn.get("speaker").equals(m.get("speaker"));
                    texts.add(features(analyzer, grammar, (String) turn.get("text")));
                    labels.add(atRisk ? label : 0);
                }
            } else {
                texts.add(features(analyzer, grammar, (String) m.get("text")));
                labels.add(label);
            }
        }
        // vocabulary: features of at least two texts, in name order
        Map<String, Integer> df = new TreeMap<>();
        for (List<String> f : texts) {
            for (String name : f) {
                df.merge(name, 1, Integer::sum);
            }
        }
        Map<String, Integer> index = new TreeMap<>();
        for (Map.Entry<String, Integer> e : df.entrySet()) {
            if (e.getValue() >= 2) {
                index.put(e.getKey(), index.size() + 1);
            }
        }
        int n = index.size();
        Problem problem = new Problem();
        problem.l = texts.size();
        problem.n = n + 1;
        problem.bias = 1.0;
        problem.x = new Feature[texts.size()][];
        problem.y = new double[texts.size()];
        for (int i = 0; i < texts.size(); i++) {
            List<Integer> ids = new ArrayList<>();
            for (String name : texts.get(i)) {
                Integer id = index.get(name);
                if (id != null) {
                    ids.add(id);
                }
            }
            ids.sort(null);
            double value = ids.isEmpty() ? 0 : 1 / Math.sqrt(ids.size());
            Feature[] row = new Feature[ids.size() + 1];
            for (int k = 0; k < ids.size(); k++) {
                row[k] = new FeatureNode(ids.get(k), value);
            }
            row[ids.size()] = new FeatureNode(n + 1, 1.0);
            problem.x[i] = row;
            problem.y[i] = labels.get(i);
        }
        Linear.disableDebugOutput();
        Parameter parameter = new Parameter(SolverType.L2R_LR, C, 0.001);
        parameter.setRegularizeBias(false);
        parameter.setRandom(new Random(0));
        Model model = Linear.train(problem, parameter);
        int[] modelLabels = model.getLabels();
        int classes = model.getNrClass();
        double[] w = model.getFeatureWeights();

        StringBuilder out = new StringBuilder();
        out.append("# Semantic tier of the crisis screen (SafetyModel), written by SafetyModelTrainer (test code).\n");
        out.append("# Trained on scoring-service/src/test/resources/safety/tuning.jsonl only, sha256 ")
            .append(sha256(corpus)).append(".\n");
        out.append("# ").append(texts.size()).append(" texts, ").append(n)
            .append(" features; one-vs-rest L2R_LR, C=").append(C).append(". Licence: Apache-2.0 (own corpus).\n");
        out.append("classes");
        CLASSES.forEach(c -> out.append('\t').append(c));
        out.append('\n');
        double[][] byFeature = new double[n + 1][CLASSES.size()];
        for (int c = 0; c < CLASSES.size(); c++) {
            int column = column(modelLabels, c + 1);
            for (int j = 0; j <= n; j++) {
                byFeature[j][c] = column < 0 ? 0 : w[j * classes + column];
            }
        }
        out.append("bias");
        for (double v : byFeature[n]) {
            out.append('\t').append(format(v));
        }
        out.append('\n');
        for (Map.Entry<String, Integer> e : index.entrySet()) {
            double[] v = byFeature[e.getValue() - 1];
            boolean any = false;
            for (double x : v) {
                any |= Math.abs(x) >= 5e-5;
            }
            if (!any) {
                continue;
            }
            out.append(e.getKey());
            for (double x : v) {
                out.append('\t').append(format(x));
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static List<String> features(AttunementAnalyzer analyzer, RiskGrammar grammar, String text) {
        return SafetyModel.features(grammar.normalize(analyzer.tokenize(text)));
    }

    private static int column(int[] labels, int label) {
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == label) {
                return i;
            }
        }
        return -1;
    }

    private static String format(double v) {
        String s = String.format(Locale.ROOT, "%.4f", v);
        return s.equals("-0.0000") ? "0.0000" : s;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(String resource) {
        try (InputStream in = SafetyModelTrainer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
