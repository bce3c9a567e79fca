package io.attune.scoring.engine;

import java.util.List;

/** One text tokenized and matched against every lexicon once; detectors only read it. */
final class AnalyzedText {
    final TokenizedText tokens;
    private final List<PhraseMatch>[] matches;

    AnalyzedText(TokenizedText tokens, List<PhraseMatch>[] matches) {
        this.tokens = tokens;
        this.matches = matches;
    }

    List<PhraseMatch> matches(LexiconGroup group) {
        List<PhraseMatch> list = matches[group.ordinal()];
        return list == null ? List.of() : list;
    }

    boolean negated(PhraseMatch m) {
        return NegationScope.isNegated(tokens, m.from());
    }

    /** First non-negated match of a group, or null. */
    PhraseMatch firstAffirmed(LexiconGroup group) {
        for (PhraseMatch m : matches(group)) {
            if (!negated(m)) {
                return m;
            }
        }
        return null;
    }

    String span(PhraseMatch m) {
        return tokens.text.substring(tokens.charStart(m.from()), tokens.charEnd(m.to()));
    }

    Evidence evidence(int turn, PhraseMatch m, String signal, int effect) {
        return new Evidence(turn, tokens.charStart(m.from()), tokens.charEnd(m.to()), span(m), signal, effect);
    }

    /** Evidence covering the whole (trimmed) text: used when the reason is something missing from it. */
    Evidence wholeText(int turn, String signal, int effect) {
        if (tokens.size == 0) {
            return new Evidence(turn, 0, 0, "", signal, effect);
        }
        int s = tokens.start[0];
        int e = tokens.text.length();
        while (e > s && Character.isWhitespace(tokens.text.charAt(e - 1))) {
            e--;
        }
        return new Evidence(turn, s, e, tokens.text.substring(s, e), signal, effect);
    }

    /** Evidence covering one sentence. */
    Evidence sentence(int turn, int sentence, String signal, int effect) {
        int from = tokens.sentenceFirst[sentence];
        int to = tokens.sentenceEnd[sentence];
        if (to <= from) {
            return wholeText(turn, signal, effect);
        }
        int s = tokens.charStart(from);
        int e = tokens.charEnd(to);
        if (e < tokens.text.length() && "?!.".indexOf(tokens.text.charAt(e)) >= 0) {
            e++;
        }
        return new Evidence(turn, s, e, tokens.text.substring(s, e), signal, effect);
    }
}
