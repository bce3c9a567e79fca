package io.attune.journal.service;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.attune.chassis.problem.ProblemException;
import io.attune.chassis.security.Authorizer;
import io.attune.chassis.security.ClientAccess;
import io.attune.chassis.security.ClientAction;
import io.attune.chassis.security.Grant;
import io.attune.journal.messaging.OutboxRelay;
import io.attune.journal.store.ClientStore;
import io.attune.journal.store.TextReadStore;

/**
 * Authorises a request about one client against what journal-service knows of them (tenant, coaches, consent),
 * makes a new client known to the caller's tenant when the action may do that, and records a coach's reading
 * of the client's words.
 */
@ApplicationScoped
public class AccessControl {

    private final Authorizer authorizer;
    private final ClientStore clients;
    private final TextReadStore textReads;
    private final OutboxRelay relay;
    private final Clock clock;

    public AccessControl(Authorizer authorizer, ClientStore clients, TextReadStore textReads, OutboxRelay relay,
            Clock clock) {
        this.authorizer = authorizer;
        this.clients = clients;
        this.textReads = textReads;
        this.relay = relay;
        this.clock = clock;
    }

    /** @throws ProblemException 403 or 404 as {@link io.attune.chassis.security.AccessPolicy} decides */
    public Grant authorize(ClientAction action, String clientId) {
        Optional<ClientAccess> known = clients.find(clientId);
        Grant grant = authorizer.authorize(action, clientId, known);
        if (known.isEmpty() && action.registers()) {
            ClientAccess registered = clients.register(clientId, grant.caller().tenant());
            if (!registered.tenant().equals(grant.caller().tenant())) {
                // Another tenant registered the same id a moment ago.
                throw ProblemException.notFound("No such client.");
            }
            relay.wake();
        }
        return grant;
    }

    /** Publishes a change of the client's coaches or consent now, rather than at the relay's next poll. */
    public void accessChanged() {
        relay.wake();
    }

    /** Records the read in the client's audit trail when a coach reads the client's words. */
    public void audit(Grant grant, String what) {
        if (grant.coachReadsText()) {
            textReads.record(new TextReadStore.TextRead(UUID.randomUUID().toString(), grant.clientId(),
                    grant.caller().subject(), grant.caller().tenant(), clock.instant(), what, "journal-service"));
        }
    }
}
