package io.attune.scoring.engine;

import java.util.Map;

/**
 * Dimensions whose rules are a plain table "signal -> points" over one lexicon file. Positive signals
 * are skipped under negation ("I didn't let myself feel it"); negative ones are taken as written.
 */
final class JournalPhraseSignals implements SignalDetector<JournalView> {
    private final String dimension;
    private final LexiconGroup group;
    private final Map<String, Integer> effects;

    JournalPhraseSignals(String dimension, LexiconGroup group, Map<String, Integer> effects) {
        this.dimension = dimension;
        this.group = group;
        this.effects = effects;
    }

    /** Self-compassion: self-labels and "I should have" lower it, observing without judgment raises it. */
    static JournalPhraseSignals selfCompassion() {
        return new JournalPhraseSignals(Dimensions.SELF_COMPASSION, LexiconGroup.SELF_TALK,
            Map.of("self-label", -25, "self-criticism", -20, "self-kindness", 20));
    }

    /** Acceptance: letting feelings flow and curiosity vs avoidance and suppression. */
    static JournalPhraseSignals acceptance() {
        return new JournalPhraseSignals(Dimensions.ACCEPTANCE, LexiconGroup.ACCEPTANCE,
            Map.of("avoidance", -20, "suppression", -20, "allowing", 20, "curiosity", 15));
    }

    /** Mindfulness: body, breath and present-moment language vs autopilot. */
    static JournalPhraseSignals mindfulness() {
        return new JournalPhraseSignals(Dimensions.MINDFULNESS, LexiconGroup.MINDFULNESS,
            Map.of("body-awareness", 12, "breath", 12, "present-moment", 12, "autopilot", -20));
    }

    /** Focus: single-tasking vs multitasking. */
    static JournalPhraseSignals focus() {
        return new JournalPhraseSignals(Dimensions.FOCUS, LexiconGroup.FOCUS,
            Map.of("multitasking", -20, "single-tasking", 20));
    }

    @Override
    public void detect(JournalView view, ScoreSheet sheet) {
        AnalyzedText text = view.text;
        for (PhraseMatch m : text.matches(group)) {
            Integer base = effects.get(m.signal());
            if (base == null) {
                throw new IllegalStateException(group.fileName + " has unknown signal " + m.signal());
            }
            if (base > 0 && text.negated(m)) {
                continue;
            }
            sheet.addRepeated(dimension, text, Evidence.JOURNAL_TEXT, m, m.signal(), base);
        }
    }
}
