package io.attune.chassis.security;

/** The verified identity behind a request: subject, tenant and role, all from the bearer token. */
public record Caller(String subject, String tenant, Role role) {

    public boolean is(Role other) {
        return role == other;
    }
}
