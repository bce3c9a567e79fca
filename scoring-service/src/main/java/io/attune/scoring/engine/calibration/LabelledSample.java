package io.attune.scoring.engine.calibration;

import java.util.Map;

import io.attune.scoring.engine.ConversationSample;
import io.attune.scoring.engine.JournalEntry;

/**
 * One line of a label file: a conversation or a journal entry with the raters' 0/1 labels by dimension name or
 * {@code overall}. Exactly one of {@code conversation} and {@code journal} is set.
 */
public record LabelledSample(int line, String kind, ConversationSample conversation, JournalEntry journal,
                             Map<String, Integer> labels) {
}
