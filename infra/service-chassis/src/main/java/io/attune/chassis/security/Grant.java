package io.attune.chassis.security;

/**
 * Permission to go on with a request about one client.
 *
 * @param textVisible whether the answer may carry the client's words; false for a coach without consent, who
 *                    then sees scores, dimensions and signal names only
 */
public record Grant(Caller caller, String clientId, boolean textVisible) {

    /** A coach reading the client's words: recorded in the client's audit trail. */
    public boolean coachReadsText() {
        return caller.is(Role.COACH) && textVisible;
    }
}
