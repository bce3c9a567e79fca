package io.attune.scoring.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The learned tier of the crisis screen: a linear model that reads everything one person said (a journal, or
 * all turns of one speaker in a conversation) and gives the probability that it states a current crisis, and
 * the likeliest crisis category. It weighs the grammar's own findings ({@link RiskGrammar}, judged in context)
 * together with the words around them, so it can confirm a finding, overrule one the wording around it does
 * not bear out ("my boss will kill me if I'm late again, honestly this job"), and catch crisis wordings no
 * pattern covers ("sorted the passwords for my sister, the dog goes to her on Friday").
 *
 * <p>One-vs-rest L2-regularised logistic regression (liblinear, trained by {@code SafetyModelTrainer}, test
 * code, on the whole safety corpus), six classes: {@code none} and the five crisis categories. The probability
 * of a crisis is one minus that of {@code none}; the category is the crisis class with the highest score.
 * Features of one person's texts, binary, scaled by one over the square root of their number:
 * <ul>
 *   <li>{@code w:<word>}: a normalised word (its grammar lemma where it has one);</li>
 *   <li>{@code b:<word>_<word>}: two adjacent words of one sentence;</li>
 *   <li>{@code c:<4 chars>}: a character 4-gram of a normalised token with {@code #} at both ends, which
 *       carries misspellings and word forms the corpus did not hold;</li>
 *   <li>{@code g:<level>} per text and {@code g:<level>:<category>} per finding: what the grammar concluded;
 *       {@code m:<marker>}: a context marker the grammar found (history, media, joke, idiom, ...);</li>
 *   <li>{@code o:<word>}: a word the other person said in the conversation ("are you safe?").</li>
 * </ul>
 *
 * <p>Plain Java at scoring time and allocation-light: features are hashed (FNV-1a, 64 bits, over the
 * characters of the feature's name) while the text is read, and looked up in the model's sorted hashes; no
 * feature name is built. Training builds the names, and the model file holds them
 * ({@code <feature>\t<w none>\t<w category>...}), so a weight can be read and explained.
 */
final class SafetyModel {
    static final String RESOURCE = "/io/attune/scoring/engine/safety-model.tsv";
    static final String NONE = "none";

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    /** The crisis categories: classes 1.. of the file (class 0 is {@link #NONE}). */
    private final String[] categories;
    private final double[] bias;
    /** The features' hashes, sorted, and their weights per class (index 0: none). */
    private final long[] keys;
    private final double[][] weights;
    private final String[] names;
    /** An open-addressing index over {@link #keys}: slot to feature id + 1 (0: empty), probed linearly. */
    private final long[] slotKeys;
    private final int[] slotIds;

    /** The model's reading of one person's texts: the probability of a crisis and the likeliest crisis category. */
    record Reading(double crisis, String category, Features features) {}

    /**
     * The sentence that weighed most towards a crisis, for evidence: each distinct feature with a place in the text
     * counts, at its first occurrence, for its sentence ({@code text} is the index of the screened text,
     * {@code sentence} a sentence of its normalised tokens), and {@code feature} names the heaviest one there. Null
     * when no sentence points towards a crisis. Asked only when evidence is written.
     */
    Lead lead(Features doc) {
        java.util.Map<Long, double[]> bySentence = new java.util.LinkedHashMap<>();
        java.util.Map<Long, Integer> heaviest = new java.util.HashMap<>();
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (int k = 0; k < doc.size; k++) {
            int id = doc.text[k] < 0 || !seen.add(doc.hashes[k]) ? -1 : id(doc.hashes[k]);
            if (id < 0) {
                continue;
            }
            long key = (long) doc.text[k] << 32 | doc.sentence[k];
            bySentence.computeIfAbsent(key, x -> new double[1])[0] -= weights[id][0];
            Integer top = heaviest.get(key);
            if (top == null || -weights[id][0] > -weights[top][0]) {
                heaviest.put(key, id);
            }
        }
        long best = -1;
        double weight = 0;
        for (java.util.Map.Entry<Long, double[]> e : bySentence.entrySet()) {
            if (e.getValue()[0] > weight) {
                weight = e.getValue()[0];
                best = e.getKey();
            }
        }
        return best < 0 ? null : new Lead((int) (best >>> 32), (int) best, names[heaviest.get(best)]);
    }

    record Lead(int text, int sentence, String feature) {}

    private SafetyModel(String[] categories, double[] bias, long[] keys, double[][] weights, String[] names) {
        this.categories = categories;
        this.bias = bias;
        this.keys = keys;
        this.weights = weights;
        this.names = names;
        int slots = Integer.highestOneBit(Math.max(keys.length, 1) * 4 - 1) << 1;
        slotKeys = new long[slots];
        slotIds = new int[slots];
        for (int id = 0; id < keys.length; id++) {
            int slot = slot(keys[id]);
            while (slotIds[slot] != 0) {
                slot = (slot + 1) & (slots - 1);
            }
            slotKeys[slot] = keys[id];
            slotIds[slot] = id + 1;
        }
    }

    private int slot(long hash) {
        return (int) (hash ^ (hash >>> 32)) & (slotKeys.length - 1);
    }

    /** The id of a feature, or -1 when the model does not know it. */
    private int id(long hash) {
        for (int slot = slot(hash); slotIds[slot] != 0; slot = (slot + 1) & (slotKeys.length - 1)) {
            if (slotKeys[slot] == hash) {
                return slotIds[slot] - 1;
            }
        }
        return -1;
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
        List<double[]> rows = new ArrayList<>();
        int lineNo = 0;
        for (String line : text.split("\n")) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t");
            if (cells[0].equals("classes")) {
                classes = Arrays.copyOfRange(cells, 1, cells.length);
                if (classes.length < 2 || !classes[0].equals(NONE)) {
                    throw new IllegalStateException(RESOURCE + " line " + lineNo + ": the first class must be none");
                }
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
                rows.add(w);
            }
        }
        if (classes == null || bias == null) {
            throw new IllegalStateException(RESOURCE + ": no classes or bias line");
        }
        Integer[] order = new Integer[names.size()];
        long[] hashes = new long[names.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
            hashes[i] = hash(names.get(i));
        }
        Arrays.sort(order, (a, b) -> Long.compare(hashes[a], hashes[b]));
        long[] keys = new long[order.length];
        double[][] weights = new double[order.length][];
        String[] sortedNames = new String[order.length];
        for (int i = 0; i < order.length; i++) {
            keys[i] = hashes[order[i]];
            weights[i] = rows.get(order[i]);
            sortedNames[i] = names.get(order[i]);
            if (i > 0 && keys[i] == keys[i - 1]) {
                throw new IllegalStateException(RESOURCE + ": features " + sortedNames[i - 1] + " and "
                    + sortedNames[i] + " hash alike");
            }
        }
        return new SafetyModel(Arrays.copyOfRange(classes, 1, classes.length), bias, keys, weights, sortedNames);
    }

    /** The reading of one person's features; null when they hold no feature the model knows. */
    Reading read(Features doc) {
        long[] distinct = Arrays.copyOf(doc.hashes, doc.size);
        Arrays.sort(distinct);
        int n = 0;
        double[] sum = new double[bias.length];
        int known = 0;
        for (int k = 0; k < distinct.length; k++) {
            if (k > 0 && distinct[k] == distinct[k - 1]) {
                continue;
            }
            n++;
            int id = id(distinct[k]);
            if (id >= 0) {
                known++;
                double[] w = weights[id];
                for (int c = 0; c < sum.length; c++) {
                    sum[c] += w[c];
                }
            }
        }
        if (known == 0) {
            return null;
        }
        double scale = 1 / Math.sqrt(n);
        double crisis = 1 - 1 / (1 + Math.exp(-(bias[0] + sum[0] * scale)));
        int best = 1;
        for (int c = 2; c < sum.length; c++) {
            if (bias[c] + sum[c] * scale > bias[best] + sum[best] * scale) {
                best = c;
            }
        }
        return new Reading(crisis, categories[best - 1], doc);
    }

    static long hash(String name) {
        long h = FNV_OFFSET;
        for (int i = 0; i < name.length(); i++) {
            h = (h ^ name.charAt(i)) * FNV_PRIME;
        }
        return h;
    }

    private static long mix(long h, char c) {
        return (h ^ c) * FNV_PRIME;
    }

    private static long mix(long h, String s) {
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * FNV_PRIME;
        }
        return h;
    }

    /**
     * The features of one person's texts, as hashes with the place each came from. With {@code names}, it also
     * keeps every feature's name (for training and for tests that check hashing against the names).
     */
    static final class Features {
        private long[] hashes;
        private int[] text;
        private int[] sentence;
        private int size;
        private final List<String> names;

        /** {@code tokens}: about how many tokens will be read, to size the arrays once. */
        Features(boolean names, int tokens) {
            this.names = names ? new ArrayList<>() : null;
            int capacity = Math.max(16, tokens * 8);
            hashes = new long[capacity];
            text = new int[capacity];
            sentence = new int[capacity];
        }

        /** The feature names in the order they were found, duplicates included; null unless asked for. */
        List<String> names() {
            return names;
        }

        /** Words, word pairs and character 4-grams of one normalised text. */
        void words(RiskGrammar.Normalized norm, int textIndex) {
            for (int i = 0; i < norm.size; i++) {
                String w = word(norm, i);
                add(mix(mix(mix(FNV_OFFSET, 'w'), ':'), w), textIndex, norm.sentence[i], "w:", w, null);
                if (i + 1 < norm.size && norm.sentence[i + 1] == norm.sentence[i]) {
                    String next = word(norm, i + 1);
                    long h = mix(mix(mix(mix(mix(FNV_OFFSET, 'b'), ':'), w), '_'), next);
                    add(h, textIndex, norm.sentence[i], "b:", w, next);
                }
                grams(norm.tok[i], textIndex, norm.sentence[i]);
            }
        }

        private void grams(String tok, int textIndex, int sentenceIndex) {
            int len = tok.length() + 2;
            for (int start = 0; start + 4 <= len; start++) {
                long h = mix(mix(FNV_OFFSET, 'c'), ':');
                for (int k = start; k < start + 4; k++) {
                    h = mix(h, k == 0 || k == len - 1 ? '#' : tok.charAt(k - 1));
                }
                String gram = names == null ? null : ("#" + tok + "#").substring(start, start + 4);
                add(h, textIndex, sentenceIndex, "c:", gram, null);
            }
        }

        /** The words of another person's text, as context. */
        void otherWords(RiskGrammar.Normalized norm) {
            for (int i = 0; i < norm.size; i++) {
                String w = word(norm, i);
                add(mix(mix(mix(FNV_OFFSET, 'o'), ':'), w), -1, -1, "o:", w, null);
            }
        }

        /** A feature with no place in the text (the grammar's conclusions and markers). */
        void named(String name) {
            add(hash(name), -1, -1, name, null, null);
        }

        private void add(long h, int textIndex, int sentenceIndex, String prefix, String a, String b) {
            if (size == hashes.length) {
                int grow = size * 2;
                hashes = Arrays.copyOf(hashes, grow);
                text = Arrays.copyOf(text, grow);
                sentence = Arrays.copyOf(sentence, grow);
            }
            hashes[size] = h;
            text[size] = textIndex;
            sentence[size] = sentenceIndex;
            size++;
            if (names != null) {
                names.add(a == null ? prefix : b == null ? prefix + a : prefix + a + "_" + b);
            }
        }

        private static String word(RiskGrammar.Normalized norm, int i) {
            return norm.lemma[i] != null ? norm.lemma[i] : norm.tok[i];
        }
    }
}
