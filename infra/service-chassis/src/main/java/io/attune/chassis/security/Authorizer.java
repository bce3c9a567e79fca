package io.attune.chassis.security;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.attune.chassis.ids.Ids;
import io.attune.chassis.problem.ProblemException;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Reads the caller from the verified bearer token and applies {@link AccessPolicy}. Signature, expiry and
 * issuer are checked by smallrye-jwt before any resource runs; this adds the claims Attune needs: a subject,
 * a {@code tenant} and exactly one role in {@code groups}.
 */
@ApplicationScoped
public class Authorizer {

    public static final String TENANT_CLAIM = "tenant";

    private final JsonWebToken token;

    public Authorizer(JsonWebToken token) {
        this.token = token;
    }

    public Caller caller() {
        String subject = token.getSubject();
        Object tenantClaim = token.getClaim(TENANT_CLAIM);
        String tenant = tenantClaim == null ? null : tenantClaim.toString();
        Set<Role> roles = token.getGroups() == null ? Set.of() : token.getGroups().stream()
                .map(Role::fromWire).flatMap(Optional::stream).collect(Collectors.toSet());
        if (!Ids.validSubjectId(subject) || !Ids.validSubjectId(tenant) || roles.size() != 1) {
            throw ProblemException.forbidden("The token must carry a subject, a tenant claim and exactly one "
                    + "Attune role (client, app, coach, admin or service) in groups.");
        }
        return new Caller(subject, tenant, roles.iterator().next());
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
