package io.attune.infra.testing.attack;

import io.attune.infra.testing.TestTokens;

/** A caller as a token describes it; {@link #token()} signs it with the key the services under test trust. */
public record Identity(String role, String subject, String tenant) {

    public static Identity client(String tenant, String clientId) {
        return new Identity("client", clientId, tenant);
    }

    public static Identity app(String tenant) {
        return new Identity("app", tenant + "-app", tenant);
    }

    public static Identity coach(String tenant, String coachId) {
        return new Identity("coach", coachId, tenant);
    }

    public static Identity admin(String tenant) {
        return new Identity("admin", tenant + "-admin", tenant);
    }

    /** scoring-service or recommendation-service, as they call journal-service's internal endpoints. */
    public static Identity service() {
        return new Identity("service", "attune-services", "attune");
    }

    public String token() {
        return TestTokens.token(role, subject, tenant);
    }

    /** The token a {@link Threat#TOKEN_ATTACKS token attack} presents instead of a valid one; null for none. */
    public String forged(Threat threat) {
        return switch (threat) {
            case NO_TOKEN -> null;
            case EXPIRED_TOKEN -> TestTokens.expired(role, subject, tenant);
            case WRONG_SIGNATURE -> TestTokens.wrongSignature(role, subject, tenant);
            case ALG_NONE -> TestTokens.unsigned(role, subject, tenant);
            default -> throw new IllegalArgumentException(threat + " is not a token attack");
        };
    }

    @Override
    public String toString() {
        return role + ":" + subject + "@" + tenant;
    }
}
