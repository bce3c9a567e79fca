package io.attune.journal.messaging;

import java.time.Instant;
import java.util.List;

import io.attune.journal.JournalEntry;

/**
 * Payload of {@code attune.journal.entry-recorded.v1} on {@code journal-entries}
 * (docs/events/journal-entry-recorded.v1.schema.json). It carries the text because scoring needs it.
 */
public record JournalEntryRecorded(
        String entryId,
        String clientId,
        String context,
        String text,
        List<Emotion> emotions,
        String locale,
        Instant occurredAt,
        Instant recordedAt) {

    public static final String TYPE = "attune.journal.entry-recorded.v1";
    public static final String SCHEMA = "journal-entry-recorded.v1";

    public record Emotion(String label, int intensity) {
    }

    static JournalEntryRecorded of(JournalEntry entry) {
        return new JournalEntryRecorded(entry.id(), entry.clientId(), entry.context().wireName(), entry.text(),
                entry.emotions().stream().map(tag -> new Emotion(tag.label(), tag.intensity())).toList(),
                entry.locale(), entry.occurredAt(), entry.recordedAt());
    }

    @Override
    public String toString() {
        return "JournalEntryRecorded[entryId=" + entryId + ", clientId=" + clientId + "]";
    }
}
