package io.attune.scoring.engine;

import java.util.Set;

/**
 * Decides whether a match sits under a negation: a negator a few tokens before it, in the same clause.
 * "I don't understand" must not count as validation, while "that's not right" (the negator is inside the
 * phrase) still does, so only tokens before the match are inspected.
 */
final class NegationScope {
    private static final Set<String> NEGATORS = Set.of(
        "not", "no", "never", "nothing", "nobody", "none", "neither", "nor", "hardly", "barely", "without");
    /** "no wonder", "no doubt", "not only" introduce rather than negate. */
    private static final Set<String> NOT_NEGATING_NEXT = Set.of("wonder", "doubt", "only", "matter");

    static final int DEFAULT_WINDOW = 3;

    private NegationScope() {
    }

    static boolean isNegated(TokenizedText text, int from) {
        return isNegated(text, from, DEFAULT_WINDOW, 0);
    }

    /** @param floor no token before this index is inspected (e.g. the start of a framing phrase) */
    static boolean isNegated(TokenizedText text, int from, int window, int floor) {
        if (from <= 0 || from >= text.size + 1) {
            return false;
        }
        int clause = text.clause[Math.min(from, text.size - 1)];
        for (int k = from - 1; k >= Math.max(floor, from - window); k--) {
            if (text.clause[k] != clause) {
                return false;
            }
            if (NEGATORS.contains(text.tokens[k])) {
                boolean introduces = k + 1 < text.size && NOT_NEGATING_NEXT.contains(text.tokens[k + 1]);
                if (!introduces) {
                    return true;
                }
            }
        }
        return false;
    }
}
