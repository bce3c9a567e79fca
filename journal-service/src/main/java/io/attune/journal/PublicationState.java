package io.attune.journal;

import com.fasterxml.jackson.annotation.JsonValue;

/** Outbox state carried by every stored document: it is published to Kafka only after the broker acknowledged it. */
public enum PublicationState {
    PENDING, PUBLISHED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase();
    }
}
