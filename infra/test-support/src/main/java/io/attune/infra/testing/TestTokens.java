package io.attune.infra.testing;

import java.nio.file.Path;
import java.time.Duration;

import io.attune.infra.stack.DevTokens;

/**
 * Bearer tokens for tests, signed with the test key pair under {@code .run/test-keys} that
 * {@link AttuneStackResource} configures every service under test to trust.
 */
public final class TestTokens {

    private static final Duration TTL = Duration.ofHours(2);
    private static DevTokens tokens;

    private TestTokens() {
    }

    static Path keyDir() {
        return ProjectLayout.runDir().resolve("test-keys");
    }

    public static Path publicKey() {
        tokens();
        return DevTokens.publicKey(keyDir());
    }

    public static String client(String tenant, String clientId) {
        return token("client", clientId, tenant);
    }

    public static String app(String tenant) {
        return token("app", tenant + "-app", tenant);
    }

    public static String coach(String tenant, String coachId) {
        return token("coach", coachId, tenant);
    }

    public static String admin(String tenant) {
        return token("admin", tenant + "-admin", tenant);
    }

    /** What scoring-service and recommendation-service present to fetch client data keys from journal-service. */
    public static String service() {
        return token("service", "attune-services", "attune");
    }

    /** The master key file the services under test share (docs/security.md#crypto-shredding). */
    public static Path masterKey() {
        tokens();
        return DevTokens.masterKey(keyDir());
    }

    public static String token(String role, String subject, String tenant) {
        return tokens().token(role, subject, tenant, TTL);
    }

    public static String expired(String role, String subject, String tenant) {
        return tokens().expiredToken(role, subject, tenant, Duration.ofMinutes(5));
    }

    public static String wrongSignature(String role, String subject, String tenant) {
        return DevTokens.foreignToken(role, subject, tenant);
    }

    public static String unsigned(String role, String subject, String tenant) {
        return DevTokens.unsignedToken(role, subject, tenant);
    }

    /** {@code "Bearer " + token}, for an Authorization header. */
    public static String bearer(String token) {
        return "Bearer " + token;
    }

    private static synchronized DevTokens tokens() {
        if (tokens == null) {
            tokens = DevTokens.in(keyDir());
        }
        return tokens;
    }
}
