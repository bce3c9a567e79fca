package io.attune.recommendation.messaging;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Incoming {@code attune.journal.client-erasure-requested.v1} (docs/events/client-erasure-requested.v1.schema.json). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ClientErasureRequested(String erasureId, String clientId, Instant requestedAt) {

    public static final String TYPE = "attune.journal.client-erasure-requested.v1";
}
