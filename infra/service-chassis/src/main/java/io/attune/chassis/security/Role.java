package io.attune.chassis.security;

import java.util.Locale;
import java.util.Optional;

/** Who is calling, as the token's {@code groups} claim says. See docs/security.md for what each may do. */
public enum Role {
    /** A coaching client; the token's subject is the client id. */
    CLIENT,
    /** A coaching app's backend, acting for any client of its tenant. */
    APP,
    /** A coach: reads assigned clients only, and their words only with consent. */
    COACH,
    /** Writes the exercise catalog; never reads client text. */
    ADMIN,
    /**
     * Another Attune service (scoring, recommendation), for the internal endpoints only: fetching a client's
     * wrapped data key. No {@link ClientAction} allows it, so it can neither read nor change anything of a client.
     */
    SERVICE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> fromWire(String value) {
        for (Role role : values()) {
            if (role.wireName().equals(value)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
