package io.attune.scoring.messaging;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Incoming {@code attune.journal.conversation-recorded.v1}
 * (docs/events/conversation-sample-recorded.v1.schema.json). The turns are never logged.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ConversationSampleRecorded(
        String sampleId,
        String clientId,
        String relationship,
        String clientSpeaker,
        List<Turn> turns,
        String locale,
        Instant occurredAt,
        Instant recordedAt) {

    public static final String TYPE = "attune.journal.conversation-recorded.v1";

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Turn(String speaker, String text) {
    }

    @Override
    public String toString() {
        return "ConversationSampleRecorded[sampleId=" + sampleId + ", clientId=" + clientId + "]";
    }
}
