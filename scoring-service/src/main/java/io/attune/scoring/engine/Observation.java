package io.attune.scoring.engine;

import java.util.List;

/**
 * What the lexical engine saw in one input, for a calibration tier: each text's tokens (as the engine tokenised
 * them, so calibrated n-grams and lexicon signals agree on words), which texts are the client's, the bid each client
 * turn answers, and the default dimension scores with their evidence. A journal entry has one text, its body.
 * Read-only; the arrays are the engine's own and are never copied.
 */
public final class Observation {
    private final String kind;
    final AnalyzedText[] texts;
    final boolean[] client;
    private final int[] bid;
    final List<AnalyzedText> tags;
    private final List<DimensionScore> defaults;

    Observation(String kind, AnalyzedText[] texts, boolean[] client, int[] bid, List<AnalyzedText> tags,
                List<DimensionScore> defaults) {
        this.kind = kind;
        this.texts = texts;
        this.client = client;
        this.bid = bid;
        this.tags = tags;
        this.defaults = defaults;
    }

    /** {@code conversation} or {@code journal}. */
    public String kind() {
        return kind;
    }

    public boolean isJournal() {
        return "journal".equals(kind);
    }

    public int textCount() {
        return texts.length;
    }

    /** The turn index evidence uses for text {@code i}: the turn itself, or {@link Evidence#JOURNAL_TEXT}. */
    public int evidenceTurn(int i) {
        return isJournal() ? Evidence.JOURNAL_TEXT : i;
    }

    /** The text was written by the client (always true for a journal body). */
    public boolean client(int i) {
        return client[i];
    }

    /** For a client turn, the index of the other person's turn it answers, or -1. */
    public int bid(int i) {
        return bid[i];
    }

    public String text(int i) {
        return texts[i].tokens.text;
    }

    public int tokenCount(int i) {
        return texts[i].tokens.size;
    }

    /** Lower-cased, contraction-expanded token. */
    public String token(int i, int k) {
        return texts[i].tokens.tokens[k];
    }

    public int tokenStart(int i, int k) {
        return texts[i].tokens.start[k];
    }

    public int tokenEnd(int i, int k) {
        return texts[i].tokens.end[k];
    }

    public int sentenceCount(int i) {
        return texts[i].tokens.sentenceCount;
    }

    public int sentenceFirst(int i, int s) {
        return texts[i].tokens.sentenceFirst[s];
    }

    /** Exclusive end token of sentence {@code s}. */
    public int sentenceEnd(int i, int s) {
        return texts[i].tokens.sentenceEnd[s];
    }

    /** The sentence ended with a question mark. */
    public boolean sentenceQuestion(int i, int s) {
        return texts[i].tokens.sentenceQuestion[s];
    }

    /** The lexical engine's dimension scores, in the engine's dimension order. */
    public List<DimensionScore> defaults() {
        return defaults;
    }
}
