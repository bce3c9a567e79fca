package io.attune.chassis.security;

import java.util.Optional;

import io.attune.chassis.problem.ProblemException;

/**
 * The authorisation rules, as one pure function so they can be tested as a table. A role that may never do the
 * action is a 403 whatever the client; anything about a client of another tenant, another client, or a client not
 * assigned to the calling coach is a 404, so that existence does not leak; a coach reading words without consent
 * is a 403.
 */
public final class AccessPolicy {

    static final String NOT_FOUND = "No such client.";

    private AccessPolicy() {
    }

    /**
     * @param known what the service knows about the client, empty if it has never heard of them
     * @throws ProblemException 403 or 404 when the caller may not go on
     */
    public static Grant decide(Caller caller, ClientAction action, String clientId, Optional<ClientAccess> known) {
        // The role first: a role that may never do this learns nothing about the client from the answer.
        if (!action.allows(caller.role())) {
            throw ProblemException.forbidden("A " + caller.role().wireName() + " may not do this.");
        }
        if (known.isPresent() && !known.get().tenant().equals(caller.tenant())) {
            throw ProblemException.notFound(NOT_FOUND);
        }
        if (caller.is(Role.CLIENT) && !caller.subject().equals(clientId)) {
            throw ProblemException.notFound(NOT_FOUND);
        }
        if (caller.is(Role.COACH) && (known.isEmpty() || !known.get().assigned(caller.subject()))) {
            throw ProblemException.notFound(NOT_FOUND);
        }
        if (known.isEmpty() && !action.allowsUnknown()) {
            throw ProblemException.notFound(NOT_FOUND);
        }
        boolean textVisible = !caller.is(Role.COACH) || known.get().shareTextWithCoach();
        if (action == ClientAction.READ_TEXT && !textVisible) {
            throw new ProblemException(403, "consent-required", "Consent required",
                    "The client has not consented to share their words with their coach.");
        }
        return new Grant(caller, clientId, textVisible);
    }
}
