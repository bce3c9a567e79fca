package io.attune.recommendation.rest.dashboard;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;

import io.attune.chassis.problem.ProblemException;
import io.attune.chassis.security.Authorizer;
import io.attune.chassis.security.Caller;
import io.attune.chassis.security.Role;
import io.attune.recommendation.config.DashboardConfig;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The dashboard's session: the coach's token in an HttpOnly, SameSite=Strict cookie scoped to {@code /dashboard},
 * which smallrye-jwt verifies like a bearer token ({@code mp.jwt.token.cookie}), or, where a deployment turns on the
 * OIDC sign-in, quarkus-oidc's session of the authorization-code flow; and the same-origin check that guards every
 * state-changing dashboard request against cross-site request forgery.
 */
@ApplicationScoped
public class DashboardSession {

    public static final String COOKIE = "attune_dashboard";
    public static final String PATH = "/dashboard";

    private final CurrentIdentityAssociation identities;
    private final DashboardConfig config;

    public DashboardSession(CurrentIdentityAssociation identities, DashboardConfig config) {
        this.identities = identities;
        this.config = config;
    }

    /**
     * The signed-in coach, from the session cookie or an Authorization header.
     *
     * @throws UnauthorizedException without a token, or with one that does not verify (expired, forged)
     * @throws ProblemException      403 for a token without a tenant or an Attune role, or of another role: the
     *                               dashboard is for coaches; apps and admins use the API
     */
    public Caller requireCoach() {
        SecurityIdentity identity;
        try {
            identity = identities.getDeferredIdentity().await().indefinitely();
        } catch (RuntimeException e) {
            throw new UnauthorizedException();
        }
        if (identity == null || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken)) {
            throw new UnauthorizedException();
        }
        Caller caller = Authorizer.callerOf(identity);
        if (!caller.is(Role.COACH)) {
            throw ProblemException.forbidden("The dashboard is for coaches; a " + caller.role().wireName()
                    + " uses the API.");
        }
        return caller;
    }

    /**
     * The signed-in coach's token as it came, to act for the coach towards journal-service: after an OIDC sign-in the
     * provider's access token (the principal there is the ID token, which is for this service only).
     */
    public Optional<String> rawToken() {
        try {
            SecurityIdentity identity = identities.getDeferredIdentity().await().indefinitely();
            if (identity == null) {
                return Optional.empty();
            }
            AccessTokenCredential accessToken = identity.getCredential(AccessTokenCredential.class);
            if (accessToken != null) {
                return Optional.ofNullable(accessToken.getToken());
            }
            return identity.getPrincipal() instanceof JsonWebToken token
                    ? Optional.ofNullable(token.getRawToken()) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    public NewCookie signIn(String token, Duration lifetime, boolean https) {
        return cookie(token, (int) Math.max(0, lifetime.toSeconds()), https);
    }

    public NewCookie signOut(boolean https) {
        return cookie("", 0, https);
    }

    private NewCookie cookie(String value, int maxAge, boolean https) {
        return new NewCookie.Builder(COOKIE).value(value).path(PATH).maxAge(maxAge).httpOnly(true)
                .secure(https || config.alwaysSecureCookie()).sameSite(NewCookie.SameSite.STRICT).build();
    }

    /**
     * Refuses a state-changing request that a page of another site made the browser send. Browsers say where a
     * request comes from in Sec-Fetch-Site, or else in Origin; a request that says neither is refused too.
     *
     * @throws ProblemException 403
     */
    public static void requireSameOrigin(HttpHeaders headers) {
        String site = headers.getHeaderString("Sec-Fetch-Site");
        if (site != null) {
            if (!"same-origin".equals(site)) {
                throw crossSite();
            }
            return;
        }
        String origin = headers.getHeaderString("Origin");
        String host = headers.getHeaderString(HttpHeaders.HOST);
        if (origin == null || host == null || "null".equals(origin)) {
            throw crossSite();
        }
        try {
            if (!host.equalsIgnoreCase(URI.create(origin).getRawAuthority())) {
                throw crossSite();
            }
        } catch (IllegalArgumentException e) {
            throw crossSite();
        }
    }

    /** An htmx request: a cross-site form cannot set this header, and a cross-site script may not (no CORS). */
    public static void requireHtmx(HttpHeaders headers) {
        requireSameOrigin(headers);
        if (!"true".equals(headers.getHeaderString("HX-Request"))) {
            throw crossSite();
        }
    }

    private static ProblemException crossSite() {
        return ProblemException.forbidden("This dashboard action must come from the dashboard itself.");
    }
}
