package io.attune.journal.messaging;

import java.time.Instant;

/**
 * Payload of {@code attune.journal.client-erasure-requested.v1} on {@code client-erasures}
 * (docs/events/client-erasure-requested.v1.schema.json).
 */
public record ClientErasureRequested(String erasureId, String clientId, Instant requestedAt) {

    public static final String TYPE = "attune.journal.client-erasure-requested.v1";
    public static final String SCHEMA = "client-erasure-requested.v1";
}
