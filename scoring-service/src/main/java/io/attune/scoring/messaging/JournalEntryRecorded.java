package io.attune.scoring.messaging;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Incoming {@code attune.journal.entry-recorded.v1} (docs/events/journal-entry-recorded.v1.schema.json).
 * Unknown fields are ignored so additive v1 changes don't break this consumer. The text is never logged.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
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

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Emotion(String label, int intensity) {
    }

    @Override
    public String toString() {
        return "JournalEntryRecorded[entryId=" + entryId + ", clientId=" + clientId + "]";
    }
}
