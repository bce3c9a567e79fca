package io.attune.chassis.security;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.attune.chassis.ids.Ids;
import io.attune.chassis.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Reads the caller from the verified bearer token and applies {@link AccessPolicy}. Signature, expiry and
 * issuer are checked by smallrye-jwt before any resource runs; this adds the claims Attune needs: a subject,
 * a {@code tenant} and exactly one role in {@code groups}.
 * <p>
 * The token is the principal of the request's {@link SecurityIdentity}, not an injected {@link JsonWebToken}: a
 * service that also has quarkus-oidc (the dashboard's sign-in) gets that extension's {@code JsonWebToken} producer,
 * which is empty for callers that smallrye-jwt verified. The principal is the verified token under either.
 */
@ApplicationScoped
public class Authorizer {

    public static final String TENANT_CLAIM = "tenant";

    private final SecurityIdentity identity;

    public Authorizer(SecurityIdentity identity) {
        this.identity = identity;
    }

    public Caller caller() {
        return callerOf(identity);
    }

    /**
     * The caller of a verified identity: subject and tenant from its token, the role from its roles, which each
     * extension fills from the configured claim (smallrye-jwt: {@code smallrye.jwt.path.groups}; quarkus-oidc:
     * {@code roles.role-claim-path}).
     */
    public static Caller callerOf(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            throw missingClaims();
        }
        return caller(token, identity.getRoles());
    }

    /** The caller a verified token names, for code that holds the token itself (a sign-in form). */
    public static Caller callerOf(JsonWebToken token) {
        return caller(token, token.getGroups());
    }

    private static Caller caller(JsonWebToken token, Set<String> groups) {
        String subject = token.getSubject();
        Object tenantClaim = token.getClaim(TENANT_CLAIM);
        String tenant = tenantClaim == null ? null : tenantClaim.toString();
        Set<Role> roles = groups == null ? Set.of() : groups.stream()
                .map(Role::fromWire).flatMap(Optional::stream).collect(Collectors.toSet());
        if (!Ids.validSubjectId(subject) || !Ids.validSubjectId(tenant) || roles.size() != 1) {
            throw missingClaims();
        }
        return new Caller(subject, tenant, roles.iterator().next());
    }

    private static ProblemException missingClaims() {
        return ProblemException.forbidden("The token must carry a subject, a tenant claim and exactly one "
                + "Attune role (client, app, coach, admin or service) in groups.");
    }

    /** @throws ProblemException 403 unless the caller has one of the roles */
    public Caller require(Role... roles) {
        Caller caller = caller();
        if (!Arrays.asList(roles).contains(caller.role())) {
            throw ProblemException.forbidden("A " + caller.role().wireName() + " may not do this.");
        }
        return caller;
    }

    /** @see AccessPolicy#decide */
    public Grant authorize(ClientAction action, String clientId, Optional<ClientAccess> known) {
        return AccessPolicy.decide(caller(), action, clientId, known);
    }
}
