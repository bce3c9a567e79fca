package io.attune.scoring.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Crisis language in any text, from either speaker (lexicon safety.txt, sections
 * {@code [crisis:category]} and {@code [concern:category]}). Recall comes first: a negated crisis phrase
 * ("I'm not going to kill myself") still raises a concern, and only idioms listed in safety-guards.txt
 * ("dying to see", "kill for a coffee") cancel a match. Method mentions are never echoed.
 */
final class SafetyScreen {
    static final String REDACTED = "[redacted]";
    static final int CONCERN_SEVERITY = 1;
    static final int CRISIS_SEVERITY = 2;
    /** Negation reaches a little further here: "I would never actually hurt myself". */
    private static final int NEGATION_WINDOW = 4;
    private static final List<String> CATEGORY_ORDER = List.of("suicidal-ideation", "self-harm", "harm-to-others",
        "domestic-abuse", "child-at-risk");

    /** A text to screen and the evidence turn index it reports under. */
    record Screened(int turn, AnalyzedText text, boolean childSpeaking) {}

    Safety screen(List<Screened> texts) {
        SafetyLevel level = SafetyLevel.NONE;
        Set<String> found = new LinkedHashSet<>();
        List<Evidence> evidence = new ArrayList<>();
        for (Screened s : texts) {
            AnalyzedText text = s.text();
            List<Finding> findings = new ArrayList<>();
            for (PhraseMatch m : text.matches(LexiconGroup.SAFETY)) {
                if (guarded(text, m)) {
                    continue;
                }
                boolean crisis = m.signal().startsWith("crisis") && !NegationScope.isNegated(text.tokens, m.from(),
                    NEGATION_WINDOW, 0);
                String category = m.signal().substring(m.signal().indexOf(':') + 1);
                if (crisis && s.childSpeaking() && category.equals("domestic-abuse")) {
                    category = "child-at-risk"; // a child reporting violence at home
                }
                findings.add(new Finding(m, crisis, category));
            }
            for (Finding f : findings) {
                if (shadowed(f, findings)) {
                    continue;
                }
                found.add(f.category());
                if (f.crisis()) {
                    level = SafetyLevel.CRISIS;
                } else if (level == SafetyLevel.NONE) {
                    level = SafetyLevel.CONCERN;
                }
                TokenizedText t = text.tokens;
                int start = t.charStart(f.match().from());
                int end = t.charEnd(f.match().to());
                String shown = f.match().method() ? REDACTED : t.text.substring(start, end);
                evidence.add(new Evidence(s.turn(), start, end, shown, f.category(),
                    f.crisis() ? CRISIS_SEVERITY : CONCERN_SEVERITY));
            }
        }
        return new Safety(level, ordered(found), List.copyOf(evidence));
    }

    private record Finding(PhraseMatch match, boolean crisis, String category) {}

    /** Overlapping findings report once: the more severe wins, then the earlier and longer one. */
    private static boolean shadowed(Finding f, List<Finding> all) {
        for (Finding other : all) {
            if (other == f || other.match().from() >= f.match().to() || other.match().to() <= f.match().from()) {
                continue;
            }
            if (other.crisis() != f.crisis()) {
                if (other.crisis()) {
                    return true;
                }
                continue;
            }
            if (other.match().from() < f.match().from()
                || (other.match().from() == f.match().from() && other.match().length() > f.match().length())) {
                return true;
            }
        }
        return false;
    }

    private static boolean guarded(AnalyzedText text, PhraseMatch m) {
        for (PhraseMatch g : text.matches(LexiconGroup.SAFETY_GUARDS)) {
            if (g.from() < m.to() && g.to() > m.from()) {
                return true;
            }
        }
        return false;
    }

    private static List<String> ordered(Set<String> found) {
        List<String> out = new ArrayList<>();
        for (String c : CATEGORY_ORDER) {
            if (found.contains(c)) {
                out.add(c);
            }
        }
        Set<String> rest = new TreeSet<>(found);
        rest.removeAll(CATEGORY_ORDER);
        out.addAll(rest);
        return List.copyOf(out);
    }
}
