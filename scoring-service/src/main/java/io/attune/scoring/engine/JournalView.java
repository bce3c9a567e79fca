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

    boolean sentenceHasFeeling(int sentence) {
        for (PhraseMatch m : text.matches(LexiconGroup.EMOTIONS)) {
            if (text.tokens.sentence[m.from()] == sentence && !text.negated(m)) {
                return true;
            }
        }
        return false;
    }
}
