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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Trains the learned tier of the crisis screen ({@link SafetyModel}) and writes {@code safety-model.tsv}. Every
 * person in an item is one example: a journal's writer, or one speaker of a conversation, with the features
 * {@link SafetyScreen#documents} gives. Its label is the item's crisis category when the item is a crisis and that
 * person voiced it, and {@code none} otherwise (hard negatives, concerns and the other speaker included). One-vs-rest
 * L2-regularised logistic regression (liblinear {@code L2R_LR}, C = {@value #C}, unregularised bias) over binary
 * features seen in at least two examples, scaled by one over the square root of the example's number of distinct
 * features. Deterministic: the same corpus gives the same file byte for byte ({@code SafetyModelTest}). How well
 * it does on a writer it was not trained on is measured by leaving one writer out
 * ({@code SafetyCrossValidationTest}).
 *
 * <p>Data: the whole safety corpus ({@link #PARTS}) and the everyday items of the attunement corpus
 * ({@link #EVERYDAY}), all written for the project (data card in docs/scoring.md).
 *
 * <p>Run: {@code java -cp <test classpath> io.attune.scoring.engine.SafetyModelTrainer
 * scoring-service/src/main/resources/io/attune/scoring/engine/safety-model.tsv}
 */
public final class SafetyModelTrainer {
    static final double C = 16.0;
    /** The safety corpus' parts, by file under /safety/; each writer-* part is one writer's. */
    static final List<String> PARTS = List.of("tuning", "holdout", "fresh-holdout", "holdout-2", "holdout-3",
        "outside-review", "writer-a", "writer-b", "writer-c", "writer-d", "writer-e", "writer-f", "writer-g", "writer-h",
        "writer-i", "writer-j", "writer-k", "writer-l", "writer-m", "writer-n", "writer-o");
    /**
     * The attunement corpus (the dimensions' data): everyday coaching conversations and journals, which the screen
     * sees most, and a few plain crisis disclosures. Items without risk are ordinary negatives. Its crisis items
     * name no category or speaker: the person in whose words the grammar found a crisis is labelled with that
     * finding's category, the others none, and an item in which the grammar found no crisis is left out.
     */
    static final List<String> EVERYDAY = List.of("/corpus/tuning.jsonl", "/corpus/holdout.jsonl");
    static final List<String> CLASSES = List.of("suicidal-ideation", "self-harm", "harm-to-others",
        "domestic-abuse", "child-at-risk");

    /**
     * One person of one corpus item: the part it comes from, the item's expected level and category, the
     * person's features (names, and as the screen hashes them) and class (0: none; -1: not known, left out of
     * training: a crisis conversation that does not say who voiced it).
     */
    record Example(String part, String item, String level, String category, List<String> features,
                   SafetyModel.Features hashed, int label) {}

    private SafetyModelTrainer() {
    }

    public static void main(String[] args) throws IOException {
        Files.writeString(Path.of(args[0]), train(), StandardCharsets.UTF_8);
    }

    /** The model file's text, trained on every example. */
    static String train() {
        StringBuilder corpus = new StringBuilder();
        EVERYDAY.forEach(r -> corpus.append(read(r)));
        PARTS.forEach(part -> corpus.append(read("/safety/" + part + ".jsonl")));
        return train(examples(new AttunementAnalyzer()), "the attunement corpus' everyday items and the whole safety "
            + "corpus (" + String.join(", ", PARTS) + "), sha256 " + sha256(corpus.toString()));
    }

    /** Every person of every item of the everyday corpus and of every safety part, in corpus order. */
    static List<Example> examples(AttunementAnalyzer analyzer) {
        List<Example> out = new ArrayList<>();
        for (String resource : EVERYDAY) {
            for (CorpusItem item : CorpusItem.load(resource)) {
                boolean crisis = "crisis".equals(item.safety());
                if (!crisis && !"none".equals(item.safety())) {
                    continue;
                }
                List<SafetyScreen.Document> documents = item.conversation() != null
                    ? analyzer.safetyDocuments(item.conversation()) : analyzer.safetyDocuments(item.journal());
                boolean found = documents.stream().anyMatch(d -> crisisCategory(d) > 0);
                for (SafetyScreen.Document d : documents) {
                    int label = !crisis ? 0 : !found ? -1 : Math.max(crisisCategory(d), 0);
                    out.add(new Example("everyday", item.id(), item.safety(), crisis ? "everyday-crisis" : "everyday",
                        names(d), d.features(), label));
                }
            }
        }
        for (String part : PARTS) {
            for (String line : read("/safety/" + part + ".jsonl").split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> m = (Map<String, Object>) MiniJson.parse(line);
                // the outside writer's name for domestic abuse and a child in danger together
                String category = "abuse-danger".equals(m.get("category")) ? "domestic-abuse"
                    : (String) m.get("category");
                boolean crisis = "crisis".equals(m.get("expectedLevel")) && CLASSES.contains(category);
                int label = crisis ? CLASSES.indexOf(category) + 1 : 0;
                boolean conversation = "conversation".equals(m.get("kind"));
                boolean unknown = crisis && conversation && m.get("speaker") == null;
                List<SafetyScreen.Document> documents;
                if (conversation) {
                    List<Turn> turns = new ArrayList<>();
                    for (Object t : (List<?>) m.get("turns")) {
                        Map<?, ?> turn = (Map<?, ?>) t;
                        turns.add(new Turn((String) turn.get("speaker"), (String) turn.get("text")));
                    }
                    documents = analyzer.safetyDocuments(new ConversationSample((String) m.get("relationship"),
                        (String) m.get("clientSpeaker"), turns, "en"));
                } else {
                    documents = analyzer.safetyDocuments(new JournalEntry((String) m.get("text"), List.of(), null,
                        "en"));
                }
                for (SafetyScreen.Document d : documents) {
                    boolean voiced = !conversation || d.speaker().equals(m.get("speaker"));
                    out.add(new Example(part, (String) m.get("id"), (String) m.get("expectedLevel"),
                        (String) m.get("category"), names(d), d.features(), unknown ? -1 : voiced ? label : 0));
                }
            }
        }
        return out;
    }

    private static List<String> names(SafetyScreen.Document d) {
        return List.copyOf(new LinkedHashSet<>(d.features().names()));
    }

    /** The class of the first crisis the grammar found in a person's words, or 0. */
    private static int crisisCategory(SafetyScreen.Document d) {
        for (String f : d.features().names()) {
            if (f.startsWith("g:crisis:")) {
                return CLASSES.indexOf(f.substring("g:crisis:".length())) + 1;
            }
        }
        return 0;
    }

    /** The model file's text, trained on these examples (those of unknown class left out). */
    static String train(List<Example> all, String source) {
        List<Example> examples = all.stream().filter(e -> e.label() >= 0).toList();
        // vocabulary: features of at least two examples, in name order
        Map<String, Integer> df = new TreeMap<>();
        for (Example e : examples) {
            for (String name : e.features()) {
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
        problem.l = examples.size();
        problem.n = n + 1;
        problem.bias = 1.0;
        problem.x = new Feature[examples.size()][];
        problem.y = new double[examples.size()];
        for (int i = 0; i < examples.size(); i++) {
            List<String> features = examples.get(i).features();
            List<Integer> ids = new ArrayList<>();
            for (String name : features) {
                Integer id = index.get(name);
                if (id != null) {
                    ids.add(id);
                }
            }
            ids.sort(null);
            // scaled by all distinct features, known or not, exactly as SafetyModel.read does
            double value = features.isEmpty() ? 0 : 1 / Math.sqrt(features.size());
            Feature[] row = new Feature[ids.size() + 1];
            for (int k = 0; k < ids.size(); k++) {
                row[k] = new FeatureNode(ids.get(k), value);
            }
            row[ids.size()] = new FeatureNode(n + 1, 1.0);
            problem.x[i] = row;
            problem.y[i] = examples.get(i).label();
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
        out.append("# Learned tier of the crisis screen (SafetyModel), written by SafetyModelTrainer (test code).\n");
        out.append("# Trained on ").append(source).append(".\n");
        out.append("# ").append(examples.size()).append(" examples, ").append(n)
            .append(" features; one-vs-rest L2R_LR, C=").append(C)
            .append("; features under 0.0001 in every class left out. Licence: Apache-2.0 (own corpus).\n");
        out.append("classes\t").append(SafetyModel.NONE);
        CLASSES.forEach(c -> out.append('\t').append(c));
        out.append('\n');
        double[][] byFeature = new double[n + 1][CLASSES.size() + 1];
        for (int c = 0; c <= CLASSES.size(); c++) {
            int column = column(modelLabels, c);
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
                any |= Math.abs(x) >= 1e-4;
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

    static String read(String resource) {
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
