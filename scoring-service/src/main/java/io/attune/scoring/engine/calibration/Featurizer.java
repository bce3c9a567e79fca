package io.attune.scoring.engine.calibration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.attune.scoring.engine.AttunementAnalyzer;
import io.attune.scoring.engine.DimensionScore;
import io.attune.scoring.engine.Evidence;
import io.attune.scoring.engine.Observation;

/**
 * The feature space of one input kind: engine signals and word n-grams, each with a stable, readable name.
 * <ul>
 * <li>{@code signal:<dimension>/<signal>}: the sum of that lexical signal's effects in that dimension, divided by
 * {@link #SIGNAL_SCALE} (a typical signal is worth about 1).</li>
 * <li>{@code client:<n-gram>}, {@code bid:<n-gram>} (conversations) and {@code text:<n-gram>} (journals): unigrams
 * and bigrams of the engine's tokens, within a sentence; a question mark is the token {@code ?}. Each field is
 * weighted {@code (1 + ln tf) * idf} and L2-normalised, the TF-IDF form that does well on rater labels.</li>
 * </ul>
 * Instances are immutable; {@link #extract} writes into a per-thread {@link FeatureVector}, so scoring allocates
 * nothing per n-gram.
 */
final class Featurizer {
    static final double SIGNAL_SCALE = 25.0;
    static final String QUESTION = "?";
    static final String SIGNAL = "signal";
    static final String CLIENT = "client";
    static final String BID = "bid";
    static final String TEXT = "text";

    /** Features named in the model, in id order (sorted when built from data). */
    final List<String> names;
    final double[] idf;
    final String kind;
    private final List<String> dimensions;
    /** Per dimension index: signal name to feature id. */
    private final List<Map<String, Integer>> signalIds;
    private final Field[] fields;

    /** One n-gram field: unigram ids, and bigram ids by first then second token (no key strings built). */
    record Field(String name, Map<String, Integer> unigrams, Map<String, Map<String, Integer>> bigrams) {
    }

    Featurizer(String kind, List<String> names, double[] idf) {
        this.kind = kind;
        this.names = List.copyOf(names);
        this.idf = idf.clone();
        this.dimensions = AttunementAnalyzer.dimensionNames(kind);
        this.signalIds = new ArrayList<>();
        for (int d = 0; d < dimensions.size(); d++) {
            signalIds.add(new HashMap<>());
        }
        List<String> fieldNames = "journal".equals(kind) ? List.of(TEXT) : List.of(CLIENT, BID);
        this.fields = new Field[fieldNames.size()];
        for (int f = 0; f < fields.length; f++) {
            fields[f] = new Field(fieldNames.get(f), new HashMap<>(), new HashMap<>());
        }
        for (int id = 0; id < names.size(); id++) {
            String name = names.get(id);
            int colon = name.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("feature name without a field: " + name);
            }
            String field = name.substring(0, colon);
            String rest = name.substring(colon + 1);
            if (field.equals(SIGNAL)) {
                int slash = rest.indexOf('/');
                int d = slash < 0 ? -1 : dimensions.indexOf(rest.substring(0, slash));
                if (d < 0) {
                    throw new IllegalArgumentException("signal feature of an unknown " + kind + " dimension: " + name);
                }
                signalIds.get(d).put(rest.substring(slash + 1), id);
                continue;
            }
            Field target = field(field);
            if (target == null) {
                throw new IllegalArgumentException("unknown feature field for a " + kind + ": " + name);
            }
            String[] words = rest.split(" ");
            if (words.length == 1) {
                target.unigrams.put(words[0], id);
            } else if (words.length == 2) {
                target.bigrams.computeIfAbsent(words[0], k -> new HashMap<>()).put(words[1], id);
            } else {
                throw new IllegalArgumentException("n-grams are unigrams or bigrams: " + name);
            }
        }
    }

    private Field field(String name) {
        for (Field f : fields) {
            if (f.name.equals(name)) {
                return f;
            }
        }
        return null;
    }

    int size() {
        return names.size();
    }

    /** Per feature id: it is an n-gram of the bid. */
    boolean[] bidFeatures() {
        boolean[] out = new boolean[names.size()];
        for (int id = 0; id < out.length; id++) {
            out[id] = names.get(id).startsWith(BID + ":");
        }
        return out;
    }

    /**
     * Builds the feature space from training observations: every signal seen, and the n-grams of each field that
     * occur in at least {@code minDocs} samples (at most {@code maxPerField} per field, most frequent first).
     */
    static Featurizer fit(String kind, List<Observation> observations, int minDocs, int maxPerField) {
        Map<String, Integer> docFreq = new HashMap<>();
        Set<String> signals = new HashSet<>();
        List<String> dims = AttunementAnalyzer.dimensionNames(kind);
        for (Observation o : observations) {
            Set<String> seen = new HashSet<>();
            List<DimensionScore> defaults = o.defaults();
            for (int d = 0; d < defaults.size(); d++) {
                for (Evidence e : defaults.get(d).evidence()) {
                    signals.add(SIGNAL + ":" + dims.get(d) + "/" + e.signal());
                }
            }
            walk(o, (field, a, b, text, start, end) -> seen.add(field + ":" + (b == null ? a : a + " " + b)));
            for (String key : seen) {
                docFreq.merge(key, 1, Integer::sum);
            }
        }
        Map<String, List<Map.Entry<String, Integer>>> byField = new TreeMap<>();
        for (Map.Entry<String, Integer> e : docFreq.entrySet()) {
            if (e.getValue() >= minDocs) {
                String field = e.getKey().substring(0, e.getKey().indexOf(':'));
                byField.computeIfAbsent(field, k -> new ArrayList<>()).add(e);
            }
        }
        TreeMap<String, Double> chosen = new TreeMap<>();
        for (String s : signals) {
            chosen.put(s, 1.0);
        }
        int n = observations.size();
        for (List<Map.Entry<String, Integer>> entries : byField.values()) {
            entries.sort(Map.Entry.<String, Integer>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey()));
            for (Map.Entry<String, Integer> e : entries.subList(0, Math.min(maxPerField, entries.size()))) {
                chosen.put(e.getKey(), Math.log((1.0 + n) / (1.0 + e.getValue())) + 1.0);
            }
        }
        List<String> names = new ArrayList<>(chosen.keySet());
        double[] idf = new double[names.size()];
        for (int i = 0; i < idf.length; i++) {
            idf[i] = chosen.get(names.get(i));
        }
        return new Featurizer(kind, names, idf);
    }

    /** Receives each n-gram occurrence with the char span it covers. */
    interface NgramSink {
        void accept(String field, String first, String second, int text, int start, int end);
    }

    /**
     * Walks the n-grams of an observation: the client's turns and the bids they answer (each bid once), or the
     * journal text. Bigrams stay within a sentence; a question sentence ends with the token {@code ?}.
     */
    static void walk(Observation o, NgramSink sink) {
        if (o.isJournal()) {
            walkText(o, 0, TEXT, sink);
            return;
        }
        int n = o.textCount();
        for (int i = 0; i < n; i++) {
            if (o.client(i)) {
                walkText(o, i, CLIENT, sink);
            }
        }
        for (int i = 0; i < n; i++) {
            if (!o.client(i) && isBid(o, i)) {
                walkText(o, i, BID, sink);
            }
        }
    }

    private static boolean isBid(Observation o, int turn) {
        for (int i = turn + 1; i < o.textCount(); i++) {
            if (o.client(i) && o.bid(i) == turn) {
                return true;
            }
        }
        return false;
    }

    private static void walkText(Observation o, int text, String field, NgramSink sink) {
        for (int s = 0; s < o.sentenceCount(text); s++) {
            int first = o.sentenceFirst(text, s);
            int end = o.sentenceEnd(text, s);
            for (int k = first; k < end; k++) {
                sink.accept(field, o.token(text, k), null, text, o.tokenStart(text, k), o.tokenEnd(text, k));
                if (k + 1 < end) {
                    sink.accept(field, o.token(text, k), o.token(text, k + 1), text, o.tokenStart(text, k),
                        o.tokenEnd(text, k + 1));
                }
            }
            if (o.sentenceQuestion(text, s) && end > first) {
                int mark = o.text(text).indexOf('?', o.tokenEnd(text, end - 1));
                if (mark >= 0) {
                    sink.accept(field, QUESTION, null, text, mark, mark + 1);
                    sink.accept(field, o.token(text, end - 1), QUESTION, text, o.tokenStart(text, end - 1), mark + 1);
                }
            }
        }
    }

    /** Fills {@code out} (cleared first) with the sparse features of an observation. */
    void extract(Observation o, FeatureVector out) {
        out.reset(size());
        List<DimensionScore> defaults = o.defaults();
        for (int d = 0; d < defaults.size(); d++) {
            Map<String, Integer> ids = signalIds.get(d);
            if (ids.isEmpty()) {
                continue;
            }
            for (Evidence e : defaults.get(d).evidence()) {
                Integer id = ids.get(e.signal());
                if (id != null) {
                    out.addSignal(id, e, e.effect() / SIGNAL_SCALE);
                }
            }
        }
        out.currentField = -1;
        walk(o, out.sink(this));
        out.finishField(idf);
    }

    Field fieldAt(int index) {
        return fields[index];
    }

    int fieldIndex(String name) {
        for (int f = 0; f < fields.length; f++) {
            if (fields[f].name.equals(name)) {
                return f;
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        return kind + " features " + names.size() + " " + Arrays.toString(fields);
    }
}
