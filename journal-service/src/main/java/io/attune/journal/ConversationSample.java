package io.attune.journal;

import java.time.Instant;
import java.util.List;

/** A few turns between the client and someone close to them. The turns are sensitive: never log them. */
public record ConversationSample(
        String id,
        String clientId,
        Relationship relationship,
        String clientSpeaker,
        List<Turn> turns,
        String locale,
        Instant occurredAt,
        Instant recordedAt,
        PublicationState publication) implements Material {

    public static final int MIN_TURNS = 2;
    public static final int MAX_TURNS = 50;

    @Override
    public String toString() {
        return "ConversationSample[id=" + id + ", clientId=" + clientId + ", turns=" + turns.size() + "]";
    }
}
