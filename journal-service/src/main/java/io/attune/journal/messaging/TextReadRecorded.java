package io.attune.journal.messaging;

import java.time.Instant;

/**
 * Payload of {@code attune.recommendation.text-read.v1} on {@code text-reads}
 * (docs/events/text-read.v1.schema.json): a coach read a client's words in recommendation-service.
 */
public record TextReadRecorded(String id, String clientId, String coachId, String tenant, Instant at, String what,
        String service) {

    public static final String TYPE = "attune.recommendation.text-read.v1";
}
