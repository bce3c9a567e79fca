package io.attune.scoring.engine;

/** A lexicon phrase found at tokens [from, to) of one text. */
record PhraseMatch(LexiconGroup group, String signal, int from, int to, boolean method, Affect affect) {
    int length() {
        return to - from;
    }
}
