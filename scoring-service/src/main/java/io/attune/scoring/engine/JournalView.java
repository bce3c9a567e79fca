package io.attune.scoring.engine;

import java.util.List;

/** A journal entry as the journal detectors see it: the text analyzed once, and each emotion tag analyzed. */
final class JournalView {
    final JournalEntry entry;
    final AnalyzedText text;
    final List<AnalyzedText> tags;

    JournalView(JournalEntry entry, AnalyzedText text, List<AnalyzedText> tags) {
        this.entry = entry;
        this.text = text;
        this.tags = tags;
    }

    /** Evidence for something absent: the first sentence stands for the entry. */
    Evidence absent(String signal, int effect) {
        return text.tokens.sentenceCount == 0
            ? text.wholeText(Evidence.JOURNAL_TEXT, signal, effect)
            : text.sentence(Evidence.JOURNAL_TEXT, 0, signal, effect);
    }

    /**
     * A feeling word, or a body sensation, in this sentence or the one before: "Anxious. Because of the
     * move" and "my fists clenched when he talked back" both link an event to what was felt.
     */
    boolean nearFeeling(int sentence) {
        for (PhraseMatch m : text.matches(LexiconGroup.EMOTIONS)) {
            int s = text.tokens.sentence[m.from()];
            if ((s == sentence || s == sentence - 1) && !text.negated(m)) {
                return true;
            }
        }
        for (PhraseMatch m : text.matches(LexiconGroup.MINDFULNESS)) {
            if (m.signal().equals("body-awareness") && text.tokens.sentence[m.from()] == sentence) {
                return true;
            }
        }
        return false;
    }
}
