package io.attune.journal.messaging;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import io.attune.chassis.security.ClientAccess;

/**
 * Payload of {@code attune.journal.client-access-changed.v1} on the compacted {@code client-access} topic
 * (docs/events/client-access-changed.v1.schema.json): the whole current state, so the latest record per client
 * is all a consumer needs. {@code version} grows with every change; an erasure leaves a tombstone.
 */
public record ClientAccessChanged(String clientId, String tenant, List<String> coaches, boolean shareTextWithCoach,
        long version) {

    public static final String TYPE = "attune.journal.client-access-changed.v1";
    public static final String SCHEMA = "client-access-changed.v1";

    /** A stable id per change that does not name the client (event ids appear in logs). */
    public static String eventId(String clientId, long version) {
        return UUID.nameUUIDFromBytes((clientId + ":" + version).getBytes(StandardCharsets.UTF_8)).toString();
    }

    public static ClientAccessChanged of(ClientAccess access, long version) {
        return new ClientAccessChanged(access.clientId(), access.tenant(), access.coaches().stream().sorted().toList(),
                access.shareTextWithCoach(), version);
    }
}
