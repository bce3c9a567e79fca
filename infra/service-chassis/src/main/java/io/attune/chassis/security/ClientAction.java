package io.attune.chassis.security;

import java.util.EnumSet;
import java.util.Set;

/** Everything a request can do to or about one client, with the roles that may do it. */
public enum ClientAction {
    /** Record a journal entry or conversation. */
    SUBMIT(true, true, EnumSet.of(Role.CLIENT, Role.APP)),
    /** Set the client's consent. */
    SET_CONSENT(true, true, EnumSet.of(Role.CLIENT, Role.APP)),
    /** Assign or unassign a coach. */
    ASSIGN_COACH(true, true, EnumSet.of(Role.APP, Role.ADMIN)),
    /** Erase the client. Accepted for an unknown client too, so a retried erasure succeeds. */
    ERASE(false, true, EnumSet.of(Role.CLIENT, Role.APP)),
    /** Report feedback on a recommendation. */
    FEEDBACK(false, false, EnumSet.of(Role.CLIENT, Role.APP)),
    /** Read scores, dimensions, signal names, exercise titles, consent state: never the client's words. */
    READ_SCORES(false, false, EnumSet.of(Role.CLIENT, Role.APP, Role.COACH)),
    /** Read the client's words: entries, turns, evidence quotes. A coach needs the client's consent. */
    READ_TEXT(false, false, EnumSet.of(Role.CLIENT, Role.APP, Role.COACH)),
    /** Read who read the client's words. */
    READ_AUDIT(false, false, EnumSet.of(Role.CLIENT, Role.APP)),
    /** Acknowledge a coach alert. */
    ACKNOWLEDGE_ALERT(false, false, EnumSet.of(Role.COACH));

    private final boolean registers;
    private final boolean allowsUnknown;
    private final Set<Role> roles;

    ClientAction(boolean registers, boolean allowsUnknown, Set<Role> roles) {
        this.registers = registers;
        this.allowsUnknown = allowsUnknown;
        this.roles = roles;
    }

    /** Whether this action may be the first thing that happens to a client, making them known to the tenant. */
    public boolean registers() {
        return registers;
    }

    /** Whether this action may be asked about a client the service does not know (yet, or any more). */
    public boolean allowsUnknown() {
        return allowsUnknown;
    }

    public boolean allows(Role role) {
        return roles.contains(role);
    }
}
