package io.attune.infra.testing.attack;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who is knocking. Every endpoint of every service has a row for each {@link #required() required} threat, and at
 * least one legitimate row that succeeds, so the table proves both that the endpoint refuses and that it works.
 */
public enum Threat {
    /** No Authorization header at all. */
    NO_TOKEN,
    /** A token signed with the right key whose {@code exp} has passed. */
    EXPIRED_TOKEN,
    /** The right claims signed by a key the services do not trust. */
    WRONG_SIGNATURE,
    /** The right claims, unsigned, with {@code "alg": "none"}. */
    ALG_NONE,
    /** The coaching app of another tenant. */
    OTHER_TENANT_APP,
    /** A client of the same tenant acting on someone else. */
    OTHER_CLIENT,
    /** A coach of the same tenant who is not assigned to the client. */
    UNASSIGNED_COACH,
    /** The client's assigned coach, while the client does not share their words. */
    COACH_WITHOUT_CONSENT,
    /** An admin of the same tenant: writes the catalog, never reads client text. */
    ADMIN,
    /** The client's own caller (the client, its app, its coach) with a role that may not do this: 403. */
    ROLE_NOT_ALLOWED,
    /** A caller who is meant to succeed (the client, its app, a consented coach). */
    LEGITIMATE;

    /** Forged or missing credentials: refused with 401 before anything else is looked at. */
    public static final Set<Threat> TOKEN_ATTACKS = EnumSet.of(NO_TOKEN, EXPIRED_TOKEN, WRONG_SIGNATURE, ALG_NONE);

    /** The threats every endpoint must have a row for (issue 10's list). */
    public static Set<Threat> required() {
        return EnumSet.range(NO_TOKEN, ADMIN);
    }

    /** Callers that must not learn that the client exists. */
    public boolean outsider() {
        return this == OTHER_TENANT_APP || this == OTHER_CLIENT || this == UNASSIGNED_COACH;
    }
}
