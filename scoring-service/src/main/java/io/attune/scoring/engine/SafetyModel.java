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
    /** Weights by feature id; ids follow the file's (name) order. */
    private final double[][] weights;
    /** Word to the id of its unigram feature, and first word to second word to the id of the pair. */
    private final Map<String, Integer> unigrams;
    private final Map<String, Map<String, Integer>> pairs;

    /** The model's reading of one text: the likeliest category, its probability, and the feature that led. */
    record Reading(String category, double probability, int from, int to, String feature) {}

    private SafetyModel(String[] classes, double[] bias, List<String> names, List<double[]> weights) {
        this.classes = classes;
        this.bias = bias;
        this.weights = weights.toArray(new double[0][]);
        Map<String, Integer> uni = new HashMap<>();
        Map<String, Map<String, Integer>> bi = new HashMap<>();
        for (int id = 0; id < names.size(); id++) {
            String name = names.get(id);
            if (name.startsWith("w:")) {
                uni.put(name.substring(2), id);
            } else if (name.startsWith("b:")) {
                int sep = name.indexOf('_', 2);
                bi.computeIfAbsent(name.substring(2, sep), k -> new HashMap<>()).put(name.substring(sep + 1), id);
            }
        }
        this.unigrams = Map.copyOf(uni);
        Map<String, Map<String, Integer>> frozen = new HashMap<>();
        bi.forEach((k, v) -> frozen.put(k, Map.copyOf(v)));
        this.pairs = Map.copyOf(frozen);
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
        List<String> names = new ArrayList<>();
        List<double[]> weights = new ArrayList<>();
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
                names.add(cells[0]);
                weights.add(w);
            }
        }
        if (classes == null || bias == null) {
            throw new IllegalStateException(RESOURCE + ": no classes or bias line");
        }
        return new SafetyModel(classes, bias, names, weights);
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
        // each known feature as (id << 32 | token position), sorted: duplicates become neighbours, and the
        // first occurrence of a feature sorts first
        long[] found = new long[text.size * 2];
        int count = 0;
        for (int i = 0; i < text.size; i++) {
            String w = word(text, i);
            Integer id = unigrams.get(w);
            if (id != null) {
                found[count++] = ((long) id << 32) | i;
            }
            if (i + 1 < text.size && text.sentence[i + 1] == text.sentence[i]) {
                Map<String, Integer> second = pairs.get(w);
                Integer pair = second == null ? null : second.get(word(text, i + 1));
                if (pair != null) {
                    found[count++] = ((long) pair << 32) | i;
                }
            }
        }
        if (count == 0) {
            return null;
        }
        java.util.Arrays.sort(found, 0, count);
        double[] sum = new double[classes.length];
        int known = 0;
        for (int k = 0; k < count; k++) {
            int id = (int) (found[k] >>> 32);
            if (k > 0 && (int) (found[k - 1] >>> 32) == id) {
                continue;
            }
            known++;
            double[] v = weights[id];
            for (int c = 0; c < sum.length; c++) {
                sum[c] += v[c];
            }
        }
        int best = 0;
        for (int c = 1; c < classes.length; c++) {
            if (sum[c] > sum[best]) {
                best = c;
            }
        }
        double probability = 1 / (1 + Math.exp(-(bias[best] + sum[best] / Math.sqrt(known))));
        // the evidence points at the word or pair that weighed most for that category (first occurrence)
        int lead = -1;
        for (int k = 0; k < count; k++) {
            int id = (int) (found[k] >>> 32);
            if ((k == 0 || (int) (found[k - 1] >>> 32) != id)
                && (lead < 0 || weights[id][best] > weights[(int) (found[lead] >>> 32)][best])) {
                lead = k;
            }
        }
        int id = (int) (found[lead] >>> 32);
        int from = (int) found[lead];
        boolean pair = !unigrams.containsKey(word(text, from)) || unigrams.get(word(text, from)) != id;
        String name = pair ? "b:" + word(text, from) + "_" + word(text, from + 1) : "w:" + word(text, from);
        return new Reading(classes[best], probability, from, pair ? from + 2 : from + 1, name);
    }

    private static void add(double[] sum, double[] v) {
        for (int c = 0; c < sum.length; c++) {
            sum[c] += v[c];
        }
    }
}
