package io.attune.recommendation.messaging;

import java.util.List;

/**
 * Payload of {@code attune.journal.client-access-changed.v1} on {@code client-access}
 * (docs/events/client-access-changed.v1.schema.json), as this service reads it.
 */
public record ClientAccessChanged(String clientId, String tenant, List<String> coaches, boolean shareTextWithCoach,
        long version) {

    public static final String TYPE = "attune.journal.client-access-changed.v1";
}
