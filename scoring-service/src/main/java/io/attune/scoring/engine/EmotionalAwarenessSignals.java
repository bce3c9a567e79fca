package io.attune.scoring.engine;

import static io.attune.scoring.engine.Dimensions.EMOTIONAL_AWARENESS;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Naming feelings, granular words counting three times as much as generic ones ("resentful" vs "bad").
 * Self-reported tags count too, a little less than words written in the entry.
 */
final class EmotionalAwarenessSignals implements SignalDetector<JournalView> {
    static final int SPECIFIC_FEELING = 15;
    static final int GENERIC_FEELING = 5;
    static final int SPECIFIC_TAG = 8;
    static final int GENERIC_TAG = 4;
    static final int NO_FEELING_NAMED = -30;
    /** Noticing "tightness in my chest" without naming the feeling is awareness on its way. */
    static final int BODY_SENSATION_ONLY = -10;
    /** "Felt okay", "bad day": a feeling is there but not told apart from others. */
    static final int ONLY_GENERIC_FEELINGS = -20;

    @Override
    public void detect(JournalView view, ScoreSheet sheet) {
        Set<String> seen = new HashSet<>();
        boolean named = false;
        AnalyzedText text = view.text;
        for (PhraseMatch m : text.matches(LexiconGroup.EMOTIONS)) {
            String word = text.span(m).toLowerCase(Locale.ROOT);
            boolean negated = text.negated(m);
            if (negated && (m.affect().negative() || !m.affect().generic())) {
                continue; // "I'm not angry" names no feeling; "not okay" does
            }
            named = true;
            if (!seen.add(word)) {
                continue;
            }
            boolean generic = m.affect().generic() || negated;
            String signal = generic ? "generic-feeling" : "specific-feeling";
            sheet.addRepeated(EMOTIONAL_AWARENESS, text, Evidence.JOURNAL_TEXT, m, signal,
                generic ? GENERIC_FEELING : SPECIFIC_FEELING);
        }
        List<EmotionTag> tags = view.entry.emotions();
        for (int k = 0; k < tags.size(); k++) {
            EmotionTag tag = tags.get(k);
            String label = tag.label() == null ? "" : tag.label().strip();
            if (label.isEmpty() || !seen.add(label.toLowerCase(Locale.ROOT))) {
                continue;
            }
            List<PhraseMatch> known = view.tags.get(k).matches(LexiconGroup.EMOTIONS);
            boolean generic = !known.isEmpty() && known.get(0).affect().generic();
            String signal = "self-reported-emotion";
            sheet.add(EMOTIONAL_AWARENESS, new Evidence(Evidence.EMOTION_TAG, 0, label.length(), label, signal,
                sheet.repeated(EMOTIONAL_AWARENESS, signal, generic ? GENERIC_TAG : SPECIFIC_TAG)));
            named = true;
        }
        if (named && onlyGeneric(text, view)) {
            sheet.add(EMOTIONAL_AWARENESS, firstGeneric(text, view));
        }
        if (!named) {
            PhraseMatch body = bodySensation(text);
            sheet.add(EMOTIONAL_AWARENESS, body != null
                ? text.evidence(Evidence.JOURNAL_TEXT, body, "body-sensation-only", BODY_SENSATION_ONLY)
                : view.absent("no-feeling-named", NO_FEELING_NAMED));
        }
    }

    private static boolean onlyGeneric(AnalyzedText text, JournalView view) {
        for (PhraseMatch m : text.matches(LexiconGroup.EMOTIONS)) {
            if (!m.affect().generic() && !text.negated(m)) {
                return false;
            }
        }
        for (AnalyzedText tag : view.tags) {
            List<PhraseMatch> known = tag.matches(LexiconGroup.EMOTIONS);
            if (known.isEmpty() || !known.get(0).affect().generic()) {
                return false;
            }
        }
        return true;
    }

    private static Evidence firstGeneric(AnalyzedText text, JournalView view) {
        List<PhraseMatch> words = text.matches(LexiconGroup.EMOTIONS);
        if (!words.isEmpty()) {
            return text.evidence(Evidence.JOURNAL_TEXT, words.get(0), "only-generic-feelings", ONLY_GENERIC_FEELINGS);
        }
        String label = view.entry.emotions().get(0).label().strip();
        return new Evidence(Evidence.EMOTION_TAG, 0, label.length(), label, "only-generic-feelings",
            ONLY_GENERIC_FEELINGS);
    }

    private static PhraseMatch bodySensation(AnalyzedText text) {
        for (PhraseMatch m : text.matches(LexiconGroup.MINDFULNESS)) {
            if (m.signal().equals("body-awareness")) {
                return m;
            }
        }
        return null;
    }
}
