package io.attune.chassis.security;

import java.util.Set;

/**
 * What a service knows about who may see a client: the tenant the client belongs to, the coaches assigned to
 * them, and whether the client lets those coaches read their words. journal-service owns these facts and
 * publishes them on the compacted {@code client-access} topic; other services keep a copy.
 */
public record ClientAccess(String clientId, String tenant, Set<String> coaches, boolean shareTextWithCoach) {

    public ClientAccess {
        coaches = Set.copyOf(coaches);
    }

    public boolean assigned(String coachId) {
        return coaches.contains(coachId);
    }
}
