package io.attune.scoring.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The semantic tier of the crisis screen: one L2-regularised logistic regression per crisis category
 * (one-vs-rest, trained with liblinear on the safety corpus' tuning part by {@code SafetyModelTrainer}, test
 * code) over the normalised words and word pairs of a text. It catches crisis wordings no pattern family
 * covers. It only adds: {@link SafetyScreen} asks it about texts the grammar found no crisis in, and raises
 * {@code crisis} only where a risk word anchors the reading ({@link #anchor}); otherwise the most it raises is
 * {@code concern}. Plain Java at scoring time: a hash lookup per word and word pair, no allocation beyond
 * one small set per screened text.
 *
 * <p>Model file ({@code safety-model.tsv}): {@code #} comments, then {@code classes\t<c1>\t...}, {@code
 * bias\t<b1>\t...}, and one line per feature, {@code <feature>\t<w1>\t...}. A feature is {@code w:<word>} or
 * {@code b:<word>_<word>} (two adjacent words of one sentence). A text's vector is binary over the features
 * it holds, L2-normalised, exactly as in training.
 */
final class SafetyModel {
    static final String RESOURCE = "/io/attune/scoring/engine/safety-model.tsv";

    /** The classes, in file order (crisis categories). */
    private final String[] classes;
    private final double[] bias;
    private final Map<String, double[]> weights;

    /** The model's reading of one text: the likeliest category, its probability, and the feature that led. */
    record Reading(String category, double probability, int from, int to, String feature) {}

    private SafetyModel(String[] classes, double[] bias, Map<String, double[]> weights) {
        this.classes = classes;
        this.bias = bias;
        this.weights = weights;
    }

    static SafetyModel load() {
        try (InputStream in = SafetyModel.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + RESOURCE);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SafetyModel parse(String text) {
        String[] classes = null;
        double[] bias = null;
        Map<String, double[]> weights = new HashMap<>();
        int lineNo = 0;
        for (String line : text.split("\n")) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t");
            if (cells[0].equals("classes")) {
                classes = java.util.Arrays.copyOfRange(cells, 1, cells.length);
                continue;
            }
            if (classes == null || cells.length != classes.length + 1) {
                throw new IllegalStateException(RESOURCE + " line " + lineNo + ": expected " + (classes == null
                    ? "the classes line first" : classes.length + " weights"));
            }
            double[] w = new double[classes.length];
            for (int c = 0; c < w.length; c++) {
                w[c] = Double.parseDouble(cells[c + 1]);
            }
            if (cells[0].equals("bias")) {
                bias = w;
            } else {
                weights.put(cells[0], w);
            }
        }
        if (classes == null || bias == null) {
            throw new IllegalStateException(RESOURCE + ": no classes or bias line");
        }
        return new SafetyModel(classes, bias, Map.copyOf(weights));
    }

    /** The features of a normalised text, in text order, each once: what training and scoring both see. */
    static List<String> features(RiskGrammar.Normalized text) {
        Set<String> seen = new HashSet<>();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < text.size; i++) {
            String w = word(text, i);
            if (seen.add("w:" + w)) {
                out.add("w:" + w);
            }
            if (i + 1 < text.size && text.sentence[i + 1] == text.sentence[i]) {
                String pair = "b:" + w + "_" + word(text, i + 1);
                if (seen.add(pair)) {
                    out.add(pair);
                }
            }
        }
        return out;
    }

    private static String word(RiskGrammar.Normalized text, int i) {
        return text.lemma[i] != null ? text.lemma[i] : text.tok[i];
    }

    /** The likeliest crisis category of a text and its probability; null for a text without known features. */
    Reading read(RiskGrammar.Normalized text) {
        int known = 0;
        double[] sum = new double[classes.length];
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < text.size; i++) {
            String w = word(text, i);
            String unigram = "w:" + w;
            if (seen.add(unigram)) {
                double[] v = weights.get(unigram);
                if (v != null) {
                    known++;
                    add(sum, v);
                }
            }
            if (i + 1 < text.size && text.sentence[i + 1] == text.sentence[i]) {
                String pair = "b:" + w + "_" + word(text, i + 1);
                if (seen.add(pair)) {
                    double[] v = weights.get(pair);
                    if (v != null) {
                        known++;
                        add(sum, v);
                    }
                }
            }
        }
        if (known == 0) {
            return null;
        }
        double norm = 1 / Math.sqrt(known);
        int best = 0;
        for (int c = 1; c < classes.length; c++) {
            if (sum[c] > sum[best]) {
                best = c;
            }
        }
        double probability = 1 / (1 + Math.exp(-(bias[best] + norm * sum[best])));
        // the evidence points at the word or pair that weighed most for that category
        int leadFrom = 0;
        int leadTo = 1;
        String lead = null;
        double top = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < text.size; i++) {
            String w = word(text, i);
            double[] v = weights.get("w:" + w);
            if (v != null && v[best] > top) {
                top = v[best];
                lead = "w:" + w;
                leadFrom = i;
                leadTo = i + 1;
            }
            if (i + 1 < text.size && text.sentence[i + 1] == text.sentence[i]) {
                String pair = "b:" + w + "_" + word(text, i + 1);
                double[] p = weights.get(pair);
                if (p != null && p[best] > top) {
                    top = p[best];
                    lead = pair;
                    leadFrom = i;
                    leadTo = i + 2;
                }
            }
        }
        return new Reading(classes[best], probability, leadFrom, leadTo, lead);
    }

    private static void add(double[] sum, double[] v) {
        for (int c = 0; c < sum.length; c++) {
            sum[c] += v[c];
        }
    }
}
