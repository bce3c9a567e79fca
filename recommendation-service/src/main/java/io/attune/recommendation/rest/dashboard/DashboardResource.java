package io.attune.recommendation.rest.dashboard;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import io.attune.chassis.ids.Ids;
import io.attune.chassis.problem.ProblemException;
import io.attune.chassis.security.Authorizer;
import io.attune.chassis.security.Caller;
import io.attune.chassis.security.ClientAction;
import io.attune.chassis.security.Grant;
import io.attune.chassis.security.Role;
import io.attune.recommendation.config.DashboardConfig;
import io.attune.recommendation.service.AccessControl;
import io.attune.recommendation.store.AlertStore;
import io.quarkus.logging.Log;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The coach dashboard (docs/dashboard.md): server-rendered pages with htmx fragments and one live stream per
 * page. Every page reads the coach from the session cookie and decides with the same {@code AccessPolicy} as the
 * API: only assigned clients, and their words only with consent (audited). Pages answer HTML; a missing or
 * expired session leads to the sign-in page.
 */
@Path("/dashboard")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class DashboardResource {

    private static final Pattern ITEM_ID = Pattern.compile("^[A-Za-z0-9:._-]{1,128}$");
    /** A static page: it holds nothing and needs no session. */
    private static final URI SIGN_IN = URI.create("/dashboard/sign-in.html");
    private static final URI ROSTER = URI.create("/dashboard/");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signIn(String error);

        static native TemplateInstance roster(Caller coach, List<Views.RosterRow> rows, String stalledAfter);

        static native TemplateInstance client(Caller coach, Views.ClientPage page);

        static native TemplateInstance trends(String clientId, Views.Trends trends);

        static native TemplateInstance alerts(String clientId, List<Views.AlertView> alerts);

        static native TemplateInstance alert(String clientId, Views.AlertView alert);

        static native TemplateInstance recommendations(boolean consent, List<Views.RecommendationView> recommendations);

        static native TemplateInstance assessment(Caller coach, Views.AssessmentPage page);

        static native TemplateInstance words(Views.AssessmentPage page);

        static native TemplateInstance refused(Caller coach, String message);
    }

    private final DashboardSession session;
    private final DashboardViews views;
    private final AccessControl access;
    private final AlertStore alerts;
    private final JWTParser parser;
    private final LiveChanges live;
    private final DashboardConfig config;

    public DashboardResource(DashboardSession session, DashboardViews views, AccessControl access, AlertStore alerts,
            JWTParser parser, LiveChanges live, DashboardConfig config) {
        this.session = session;
        this.views = views;
        this.access = access;
        this.alerts = alerts;
        this.parser = parser;
        this.live = live;
        this.config = config;
    }

    /**
     * Local sign-in with a coach token (from {@code attune token --role coach}). The token is verified here, so a
     * bad one is answered on the page instead of becoming a cookie.
     */
    @POST
    @Path("/sign-in")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(@FormParam("token") String token, @Context HttpHeaders headers, @Context UriInfo uri) {
        DashboardSession.requireSameOrigin(headers);
        String value = token == null ? "" : token.strip();
        JsonWebToken jwt;
        Caller caller;
        try {
            jwt = parser.parse(value);
        } catch (ParseException e) {
            Log.debugf("Dashboard sign-in refused: %s", e.getMessage());
            if (!wantsHtml(headers)) {
                throw new UnauthorizedException();
            }
            return Response.status(401).type(MediaType.TEXT_HTML_TYPE).entity(Templates.signIn("That token is not "
                    + "valid here: it may have expired, or come from another key or issuer.")).build();
        }
        try {
            caller = Authorizer.callerOf(jwt);
            if (!caller.is(Role.COACH)) {
                throw ProblemException.forbidden("The dashboard is for coaches; a " + caller.role().wireName()
                        + " uses the API.");
            }
        } catch (ProblemException e) {
            if (!wantsHtml(headers)) {
                throw e;
            }
            return Response.status(e.status()).type(MediaType.TEXT_HTML_TYPE).entity(Templates.signIn(e.getMessage()))
                    .build();
        }
        Duration lifetime = Duration.between(Instant.now(), Instant.ofEpochSecond(jwt.getExpirationTime()));
        return done(headers, ROSTER).cookie(session.signIn(value, lifetime, https(uri))).build();
    }

    /** Ends the session. A browser whose session has already expired is signed out all the same. */
    @POST
    @Path("/sign-out")
    public Response signOut(@Context HttpHeaders headers, @Context UriInfo uri) {
        DashboardSession.requireSameOrigin(headers);
        if (!wantsHtml(headers)) {
            session.requireCoach();
        }
        return done(headers, SIGN_IN).cookie(session.signOut(https(uri))).build();
    }

    @GET
    public Response roster(@Context HttpHeaders headers) {
        return signedIn(headers, coach -> Templates.roster(coach, views.roster(coach),
                config.stalledAfter().toDays() + " days"));
    }

    @GET
    @Path("/clients/{clientId}")
    public Response client(@PathParam("clientId") String clientId, @Context HttpHeaders headers) {
        return page(clientId, headers, (coach, grant) -> Templates.client(coach, views.client(grant)));
    }

    @GET
    @Path("/clients/{clientId}/alerts")
    public Response alertList(@PathParam("clientId") String clientId, @Context HttpHeaders headers) {
        return page(clientId, headers, (coach, grant) -> Templates.alerts(clientId, views.alerts(clientId)));
    }

    @POST
    @Path("/clients/{clientId}/alerts/{alertId}/acknowledgement")
    public Response acknowledge(@PathParam("clientId") String clientId, @PathParam("alertId") String alertId,
            @Context HttpHeaders headers) {
        DashboardSession.requireHtmx(headers);
        return page(clientId, ClientAction.ACKNOWLEDGE_ALERT, headers, (coach, grant) -> {
            if (alertId == null || !ITEM_ID.matcher(alertId).matches()) {
                throw ProblemException.notFound("No such alert for this client.");
            }
            return alerts.acknowledge(clientId, alertId, coach.subject(), Instant.now().truncatedTo(ChronoUnit.MILLIS))
                    .map(a -> Templates.alert(clientId, DashboardViews.alert(a)))
                    .orElseThrow(() -> ProblemException.notFound("No such alert for this client."));
        });
    }

    @GET
    @Path("/clients/{clientId}/recommendations")
    public Response recommendationList(@PathParam("clientId") String clientId, @Context HttpHeaders headers) {
        return page(clientId, headers, (coach, grant) -> Templates.recommendations(grant.textVisible(),
                views.recommendations(grant)));
    }

    @GET
    @Path("/clients/{clientId}/trends")
    public Response trends(@PathParam("clientId") String clientId, @Context HttpHeaders headers) {
        return page(clientId, headers, (coach, grant) -> Templates.trends(clientId, views.trends(clientId)));
    }

    @GET
    @Path("/clients/{clientId}/chart")
    @Produces(MediaType.APPLICATION_JSON)
    public Response chart(@PathParam("clientId") String clientId, @Context HttpHeaders headers) {
        return page(clientId, headers, (coach, grant) -> views.chart(clientId));
    }

    @GET
    @Path("/clients/{clientId}/assessments/{assessmentId}")
    public Response assessment(@PathParam("clientId") String clientId,
            @PathParam("assessmentId") String assessmentId, @Context HttpHeaders headers) {
        return page(clientId, headers, (coach, grant) -> Templates.assessment(coach, found(grant, assessmentId)));
    }

    @GET
    @Path("/clients/{clientId}/assessments/{assessmentId}/words")
    public Response words(@PathParam("clientId") String clientId, @PathParam("assessmentId") String assessmentId,
            @Context HttpHeaders headers) {
        return page(clientId, headers, (coach, grant) -> Templates.words(found(grant, assessmentId)));
    }

    /**
     * The page's live stream: {@code open} at once, then an event named after each part of the client's page that
     * changed (assessments, alerts, recommendations, consent), which htmx answers by fetching that part again.
     * Assignment is checked at every look: an unassigned coach's stream ends.
     */
    @GET
    @Path("/clients/{clientId}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Blocking // the session and the access check wait for the token's verification and read MongoDB
    public Multi<OutboundSseEvent> events(@PathParam("clientId") String clientId, @Context Sse sse) {
        Caller coach = session.requireCoach();
        if (!Ids.validSubjectId(clientId)) {
            throw ProblemException.notFound("No such client.");
        }
        access.authorize(coach, ClientAction.READ_SCORES, clientId);
        return live.changes(coach, clientId)
                .map(part -> sse.newEventBuilder().name(part).data(part).build());
    }

    private Views.AssessmentPage found(Grant grant, String assessmentId) {
        if (assessmentId == null || !ITEM_ID.matcher(assessmentId).matches()) {
            throw ProblemException.notFound("No such assessment for this client.");
        }
        return views.assessment(grant, assessmentId, session.rawToken())
                .orElseThrow(() -> ProblemException.notFound("No such assessment for this client."));
    }

    private interface Body {
        Object render(Caller coach, Grant grant);
    }

    private Response page(String clientId, HttpHeaders headers, Body body) {
        return page(clientId, ClientAction.READ_SCORES, headers, body);
    }

    /**
     * Signs in, authorises and renders. A browser page (one that accepts HTML) without a session goes to the
     * sign-in page, and a refusal is a page: the same "not found" for a client of another tenant, an unassigned one
     * and one that does not exist, as the API answers. Any other caller gets the API's statuses and problems.
     */
    private Response page(String clientId, ClientAction action, HttpHeaders headers, Body body) {
        return signedIn(headers, coach -> {
            try {
                if (!Ids.validSubjectId(clientId)) {
                    throw ProblemException.notFound("No such client.");
                }
                return body.render(coach, access.authorize(coach, action, clientId));
            } catch (ProblemException e) {
                if (!wantsHtml(headers)) {
                    throw e;
                }
                String message = e.status() == 404
                        ? "This client is not on your roster, or there is nothing here for them."
                        : Objects.requireNonNullElse(e.getMessage(), e.title());
                return Response.status(e.status()).type(MediaType.TEXT_HTML_TYPE)
                        .entity(Templates.refused(coach, message)).build();
            }
        });
    }

    private Response signedIn(HttpHeaders headers, Function<Caller, Object> body) {
        Caller coach;
        try {
            coach = session.requireCoach();
        } catch (UnauthorizedException e) {
            if (wantsHtml(headers)) {
                return Response.seeOther(SIGN_IN).build();
            }
            throw e;
        } catch (ProblemException e) {
            if (wantsHtml(headers)) {
                return Response.status(e.status()).type(MediaType.TEXT_HTML_TYPE)
                        .entity(Templates.signIn(e.getMessage())).build();
            }
            throw e;
        }
        Object entity = body.apply(coach);
        return entity instanceof Response response ? response : Response.ok(entity).build();
    }

    /** After a sign-in or sign-out: a browser is sent on to the next page; any other caller gets 204. */
    private static Response.ResponseBuilder done(HttpHeaders headers, URI next) {
        return wantsHtml(headers) ? Response.seeOther(next) : Response.noContent();
    }

    /** A browser navigation or htmx request, as opposed to an API-style caller: it asks for HTML by name. */
    private static boolean wantsHtml(HttpHeaders headers) {
        return headers.getAcceptableMediaTypes().stream()
                .anyMatch(type -> "text".equals(type.getType()) && "html".equals(type.getSubtype()));
    }

    private static boolean https(UriInfo uri) {
        return "https".equalsIgnoreCase(uri.getRequestUri().getScheme());
    }
}
