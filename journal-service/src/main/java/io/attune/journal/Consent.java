package io.attune.journal;

import java.time.Instant;

/** Whether the client lets their coach read journal text. Absent consent means no. */
public record Consent(String clientId, boolean shareTextWithCoach, Instant updatedAt) {
}
