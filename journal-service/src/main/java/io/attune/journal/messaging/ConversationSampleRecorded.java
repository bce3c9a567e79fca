package io.attune.journal.messaging;

import java.time.Instant;
import java.util.List;

import io.attune.journal.ConversationSample;

/**
 * Payload of {@code attune.journal.conversation-recorded.v1} on {@code conversation-samples}
 * (docs/events/conversation-sample-recorded.v1.schema.json).
 */
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
    public static final String SCHEMA = "conversation-sample-recorded.v1";

    public record Turn(String speaker, String text) {
    }

    static ConversationSampleRecorded of(ConversationSample sample) {
        return new ConversationSampleRecorded(sample.id(), sample.clientId(), sample.relationship().wireName(),
                sample.clientSpeaker(),
                sample.turns().stream().map(turn -> new Turn(turn.speaker(), turn.text())).toList(),
                sample.locale(), sample.occurredAt(), sample.recordedAt());
    }

    @Override
    public String toString() {
        return "ConversationSampleRecorded[sampleId=" + sampleId + ", clientId=" + clientId + "]";
    }
}
