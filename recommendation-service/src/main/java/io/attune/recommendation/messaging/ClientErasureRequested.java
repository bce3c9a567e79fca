package io.attune.recommendation.messaging;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Incoming {@code attune.journal.client-erasure-requested.v1} (docs/events/client-erasure-requested.v1.schema.json). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ClientErasureRequested(String erasureId, String clientId, Instant requestedAt) {

    public static final String TYPE = "attune.journal.client-erasure-requested.v1";

    /** The erasure a record carries; both consumer groups of {@code client-erasures} read it the same way. */
    static ClientErasureRequested read(ObjectMapper mapper, String payload) throws Exception {
        ClientErasureRequested erasure = mapper.readValue(payload, ClientErasureRequested.class);
        if (erasure.clientId() == null || erasure.clientId().isBlank()) {
            throw new IllegalArgumentException("erasure without clientId");
        }
        return erasure;
    }
}
