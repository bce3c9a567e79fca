package io.attune.scoring.engine;

/**
 * Lower-cased, contraction-expanded word tokens of one text, with the char span each token came from.
 * Punctuation is not a token; it only sets sentence and clause boundaries, so lexicon phrases never
 * have to spell out commas.
 */
final class TokenizedText {
    final String text;
    final String[] tokens;
    /** The token is in the {@link Vocabulary}: interned, and worth looking up in the lexicon trie. */
    final boolean[] known;
    final int[] start;
    final int[] end;
    final int[] sentence;
    final int[] clause;
    final int size;
    /** Per sentence: first token, end token (exclusive), whether it ended with '?' and its char span. */
    final int[] sentenceFirst;
    final int[] sentenceEnd;
    final boolean[] sentenceQuestion;
    final boolean[] sentenceTerminated;
    final int sentenceCount;
    final int[] exclamations;
    final int exclamationCount;

    TokenizedText(String text, String[] tokens, boolean[] known, int[] start, int[] end, int[] sentence, int[] clause, int size,
                  int[] sentenceFirst, int[] sentenceEnd, boolean[] sentenceQuestion, boolean[] sentenceTerminated,
                  int sentenceCount, int[] exclamations, int exclamationCount) {
        this.text = text;
        this.tokens = tokens;
        this.known = known;
        this.start = start;
        this.end = end;
        this.sentence = sentence;
        this.clause = clause;
        this.size = size;
        this.sentenceFirst = sentenceFirst;
        this.sentenceEnd = sentenceEnd;
        this.sentenceQuestion = sentenceQuestion;
        this.sentenceTerminated = sentenceTerminated;
        this.sentenceCount = sentenceCount;
        this.exclamations = exclamations;
        this.exclamationCount = exclamationCount;
    }

    /** Char span of tokens [from, to). */
    int charStart(int fromToken) {
        return start[fromToken];
    }

    int charEnd(int toTokenExclusive) {
        return end[toTokenExclusive - 1];
    }

    /** Words as people count them: contraction halves share one original span and count once. */
    int wordCount() {
        int count = 0;
        int lastStart = -1;
        for (int i = 0; i < size; i++) {
            if (start[i] != lastStart) {
                count++;
                lastStart = start[i];
            }
        }
        return count;
    }
}
