package io.attune.scoring.engine;

import static io.attune.scoring.engine.Dimensions.TRIGGER_INSIGHT;

/**
 * Linking events to feelings. Explicit trigger phrases ("made me feel", "set me off") always count; a
 * plain connector ("because", "when") counts only next to a named feeling or body sensation.
 */
final class TriggerInsightSignals implements SignalDetector<JournalView> {
    static final int TRIGGER_PHRASE = 25;
    static final int EVENT_FEELING_LINK = 20;
    static final int NO_TRIGGER_LINK = -15;

    @Override
    public void detect(JournalView view, ScoreSheet sheet) {
        AnalyzedText text = view.text;
        boolean linked = false;
        boolean[] sentenceCounted = new boolean[Math.max(1, text.tokens.sentenceCount)];
        for (PhraseMatch m : text.matches(LexiconGroup.TRIGGERS)) {
            int sentence = text.tokens.sentence[m.from()];
            if (m.signal().equals("trigger-phrase")) {
                sheet.addRepeated(TRIGGER_INSIGHT, text, Evidence.JOURNAL_TEXT, m, "trigger-phrase", TRIGGER_PHRASE);
                linked = true;
                sentenceCounted[sentence] = true;
            } else if (!sentenceCounted[sentence] && view.nearFeeling(sentence)) {
                sheet.addRepeated(TRIGGER_INSIGHT, text, Evidence.JOURNAL_TEXT, m, "event-feeling-link",
                    EVENT_FEELING_LINK);
                linked = true;
                sentenceCounted[sentence] = true;
            }
        }
        if (!linked) {
            sheet.add(TRIGGER_INSIGHT, view.absent("no-trigger-link", NO_TRIGGER_LINK));
        }
    }
}
