package io.attune.scoring.engine.calibration;

import java.util.Arrays;

import io.attune.scoring.engine.Evidence;

/**
 * Sparse features of one observation, reused per thread so that scoring allocates nothing per n-gram. Each slot is
 * one feature id with its value and, for n-grams, the char span of its first occurrence; each signal item is one
 * piece of lexical evidence that fed a signal feature, so its contribution can be shown on its own span.
 */
final class FeatureVector implements Featurizer.NgramSink {
    int count;
    int[] ids = new int[64];
    double[] values = new double[64];
    /** Text index of an n-gram slot's first occurrence; -1 for a signal slot. */
    int[] textOf = new int[64];
    int[] startOf = new int[64];
    int[] endOf = new int[64];
    private int[] slotOf = new int[0];

    int signalCount;
    Evidence[] signalEvidence = new Evidence[16];
    int[] signalSlot = new int[16];
    double[] signalValue = new double[16];

    int currentField;
    private int fieldStart;
    private Featurizer featurizer;

    void reset(int features) {
        for (int i = 0; i < count; i++) {
            slotOf[ids[i]] = -1;
        }
        if (slotOf.length < features) {
            slotOf = new int[features];
            Arrays.fill(slotOf, -1);
        }
        Arrays.fill(signalEvidence, 0, signalCount, null);
        count = 0;
        signalCount = 0;
        currentField = -1;
        fieldStart = 0;
    }

    FeatureVector sink(Featurizer owner) {
        this.featurizer = owner;
        this.fieldStart = count;
        return this;
    }

    void addSignal(int id, Evidence evidence, double value) {
        int slot = slot(id, -1, 0, 0);
        values[slot] += value;
        if (signalCount == signalEvidence.length) {
            int cap = signalCount * 2;
            signalEvidence = Arrays.copyOf(signalEvidence, cap);
            signalSlot = Arrays.copyOf(signalSlot, cap);
            signalValue = Arrays.copyOf(signalValue, cap);
        }
        signalEvidence[signalCount] = evidence;
        signalSlot[signalCount] = slot;
        signalValue[signalCount++] = value;
    }

    @Override
    public void accept(String field, String first, String second, int text, int start, int end) {
        Featurizer.Field f = featurizer.fieldAt(currentField < 0 ? 0 : currentField);
        if (currentField < 0 || !f.name().equals(field)) {
            finishField(featurizer.idf);
            currentField = featurizer.fieldIndex(field);
            f = featurizer.fieldAt(currentField);
        }
        Integer id;
        if (second == null) {
            id = f.unigrams().get(first);
        } else {
            var byFirst = f.bigrams().get(first);
            id = byFirst == null ? null : byFirst.get(second);
        }
        if (id != null) {
            // the slot may grow the arrays, so it is found before values is read
            int slot = slot(id, text, start, end);
            values[slot] += 1.0;
        }
    }

    private int slot(int id, int text, int start, int end) {
        int slot = slotOf[id];
        if (slot >= 0) {
            return slot;
        }
        if (count == ids.length) {
            int cap = count * 2;
            ids = Arrays.copyOf(ids, cap);
            values = Arrays.copyOf(values, cap);
            textOf = Arrays.copyOf(textOf, cap);
            startOf = Arrays.copyOf(startOf, cap);
            endOf = Arrays.copyOf(endOf, cap);
        }
        ids[count] = id;
        values[count] = 0.0;
        textOf[count] = text;
        startOf[count] = start;
        endOf[count] = end;
        slotOf[id] = count;
        return count++;
    }

    /** Turns the term counts of the field just walked into L2-normalised {@code (1 + ln tf) * idf}. */
    void finishField(double[] idf) {
        double norm = 0.0;
        for (int s = fieldStart; s < count; s++) {
            double v = (1.0 + Math.log(values[s])) * idf[ids[s]];
            values[s] = v;
            norm += v * v;
        }
        if (norm > 0.0) {
            double scale = 1.0 / Math.sqrt(norm);
            for (int s = fieldStart; s < count; s++) {
                values[s] *= scale;
            }
        }
        fieldStart = count;
    }
}
