package io.attune.journal;

import java.time.Instant;
import java.util.List;

/** What a client felt, noticed and why, in their own words. The text is sensitive: never log it. */
public record JournalEntry(
        String id,
        String clientId,
        Context context,
        String text,
        List<EmotionTag> emotions,
        String locale,
        Instant occurredAt,
        Instant recordedAt,
        PublicationState publication) implements Material {

    /** Longest entry text, in characters; part of the API and event contract. */
    public static final int MAX_TEXT_LENGTH = 20_000;

    @Override
    public String toString() {
        return "JournalEntry[id=" + id + ", clientId=" + clientId + ", context=" + context + "]";
    }
}
