package io.attune.scoring.engine;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Topic overlap between two texts: shared content words after a crude stem, or a pronoun that points back
 * at what the other person said ("how did that feel?", "it must be hard to deal with him").
 */
final class ContentWords {
    private final Set<String> stopwords;
    private final Set<String> anaphora;

    ContentWords() {
        this.stopwords = new HashSet<>(LexiconLoader.lines("stopwords.txt").stream()
            .flatMap(l -> List.of(l.split("\\s+")).stream()).toList());
        this.anaphora = Set.of("that", "it", "this", "he", "she", "him", "her", "they", "them", "then", "there",
            "those", "his");
    }

    Set<String> stopwords() {
        return stopwords;
    }

    boolean isContent(String token) {
        return token.length() > 2 && !stopwords.contains(token);
    }

    static String stem(String token) {
        int n = token.length();
        if (n > 5 && token.endsWith("ing")) {
            return token.substring(0, n - 3);
        }
        if (n > 4 && token.endsWith("ed")) {
            return token.substring(0, n - 2);
        }
        if (n > 4 && token.endsWith("es")) {
            return token.substring(0, n - 2);
        }
        if (n > 3 && token.endsWith("s") && !token.endsWith("ss")) {
            return token.substring(0, n - 1);
        }
        return token;
    }

    /** Stems of the content words of a text, for repeated overlap checks against it. */
    Set<String> stems(TokenizedText text) {
        Set<String> out = new HashSet<>();
        for (int i = 0; i < text.size; i++) {
            if (isContent(text.tokens[i])) {
                out.add(stem(text.tokens[i]));
            }
        }
        return out;
    }

    /** Index of the first token in [from, to) that shares a content stem with the topic, or -1. */
    int firstOverlap(TokenizedText text, int from, int to, Set<String> topic) {
        for (int i = from; i < to; i++) {
            String t = text.tokens[i];
            if (isContent(t) && topic.contains(stem(t))) {
                return i;
            }
        }
        return -1;
    }

    /** Index of the first pronoun pointing back at the topic in [from, to), or -1. */
    int firstAnaphor(TokenizedText text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (anaphora.contains(text.tokens[i])) {
                return i;
            }
        }
        return -1;
    }
}
