package io.attune.scoring.engine;

import java.util.List;

/** Emotions may be an empty list when the writer tagged nothing. */
public record JournalEntry(String text, List<EmotionTag> emotions, String context, String locale) {}
