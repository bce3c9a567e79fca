package io.attune.chassis.edge;

import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.attune.chassis.problem.FieldError;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The first handler every request meets, before authentication and before Quarkus' own body limit. It refuses,
 * each with an RFC 7807 problem naming what is at fault, what Vert.x or RESTEasy would otherwise answer with an
 * empty body, or silently accept:
 * <ul>
 * <li>a request target longer than {@link EdgeRules#MAX_URI_LENGTH} (414) or header fields larger than
 * {@link EdgeRules#MAX_HEADER_BYTES} (431): Vert.x's own decoder limits are set well above these (see the
 * services' {@code quarkus.http.limits.*}), so that the refusal comes from here, with a body;</li>
 * <li>a path that is not valid percent-encoded UTF-8, holds a control character, or carries matrix parameters
 * ({@code ;}), which JAX-RS would strip from the id ({@code DELETE /clients/X;b} would erase client X);</li>
 * <li>a query that is not valid percent-encoded UTF-8, or names a parameter twice (no parameter of the API takes
 * several values, and "first wins" would let a proxy and the service read different requests);</li>
 * <li>an empty or repeated {@code Idempotency-Key};</li>
 * <li>a body larger than {@code quarkus.http.limits.max-body-size} (413): refused unread when its Content-Length
 * says so; a chunked body is read here up to the limit, and one that outgrows it fails into
 * {@link EdgeFailures};</li>
 * <li>a body without a Content-Type (415), so a cross-origin page cannot send a CORS "simple request" that we
 * would then read as JSON.</li>
 * </ul>
 * Every answer carries {@code X-Content-Type-Options: nosniff}, answers under {@code /api/} carry
 * {@code Cache-Control: no-store} (they hold client data), and pages carry a Content-Security-Policy without
 * inline scripts.
 */
@ApplicationScoped
public class EdgeFilter {

    /** One step ahead of Quarkus' own upload limit, {@code RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT} (-2). */
    static final int BEFORE_UPLOAD_LIMIT = -3;
    private static final Set<HttpMethod> WITH_BODY = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";

    private final long maxBodyBytes;
    private final EdgeProblems problems;
    private final BodyHandler chunkedBodies;

    public EdgeFilter(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize,
            EdgeProblems problems) {
        this.maxBodyBytes = maxBodySize.asLongValue();
        this.problems = problems;
        this.chunkedBodies = BodyHandler.create(false).setBodyLimit(maxBodyBytes);
    }

    void install(@Observes Router router) {
        router.route().order(BEFORE_UPLOAD_LIMIT).handler(this::filter);
    }

    private void filter(RoutingContext context) {
        HttpServerRequest request = context.request();
        String path = request.path() == null ? "" : request.path();
        context.addHeadersEndHandler(ignored -> securityHeaders(context, path));
        String uri = request.uri() == null ? "" : request.uri();
        if (uri.length() > EdgeRules.MAX_URI_LENGTH) {
            problems.refuse(context, 414, "uri-too-long", "URI Too Long", "The request target is longer than "
                    + EdgeRules.MAX_URI_LENGTH + " characters.", List.of(new FieldError("path", "is too long")));
            return;
        }
        List<FieldError> target = EdgeRules.targetErrors(uri);
        if (!target.isEmpty()) {
            problems.refuse(context, 400, "validation", "Invalid request", "The request target is malformed.",
                    target);
            return;
        }
        FieldError header = EdgeRules.oversizedHeaders(request.headers());
        if (header != null) {
            problems.refuse(context, 431, "header-fields-too-large", "Request Header Fields Too Large",
                    "The header fields are larger than " + EdgeRules.MAX_HEADER_BYTES / 1024 + " KB in total.",
                    List.of(header));
            return;
        }
        List<FieldError> errors = EdgeRules.pathErrors(path);
        if (errors.isEmpty()) {
            errors = EdgeRules.queryErrors(request.query());
        }
        if (errors.isEmpty()) {
            errors = EdgeRules.idempotencyKeyErrors(request.headers());
        }
        if (!errors.isEmpty()) {
            problems.refuse(context, 400, "validation", "Invalid request", "The request has invalid fields.", errors);
            return;
        }
        if (announcedLength(request.headers()) > maxBodyBytes) {
            // The body is not read, so the connection cannot be reused.
            context.response().putHeader("Connection", "close");
            problems.refuse(context, 413, "payload-too-large", "Payload Too Large",
                    "The body is larger than " + maxBodyBytes / 1024 + " KB.", List.of(new FieldError("body",
                            "must be at most " + maxBodyBytes / 1024 + " KB")));
            return;
        }
        if (WITH_BODY.contains(request.method()) && hasBody(request.headers())
                && request.getHeader("Content-Type") == null) {
            problems.refuse(context, 415, "unsupported-media-type", "Unsupported Media Type",
                    "A request body needs a Content-Type header; this API takes application/json.",
                    List.of(new FieldError("Content-Type", "is required with a body")));
            return;
        }
        if (WITH_BODY.contains(request.method()) && request.getHeader("Content-Length") == null
                && request.getHeader("Transfer-Encoding") != null) {
            // A chunked body announces no length. Left to RESTEasy, one that outgrows the limit is cut off
            // mid-read: an empty 413 and two ERROR stack traces per request. Read here instead, up to the limit;
            // RESTEasy takes the buffered body, and a larger one fails with 413 into EdgeFailures.
            chunkedBodies.handle(context);
            return;
        }
        context.next();
    }

    private static void securityHeaders(RoutingContext context, String path) {
        var headers = context.response().headers();
        headers.set("X-Content-Type-Options", "nosniff");
        if (path.startsWith("/api/")) {
            headers.set("Cache-Control", "no-store");
        } else if (!path.startsWith("/q/")) {
            // Swagger UI under /q/ (when an operator enables it) needs its inline scripts; our own pages do not.
            headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            headers.set("Referrer-Policy", "no-referrer");
        }
    }

    private static boolean hasBody(MultiMap headers) {
        return announcedLength(headers) > 0 || headers.get("Transfer-Encoding") != null;
    }

    private static long announcedLength(MultiMap headers) {
        String length = headers.get("Content-Length");
        if (length == null) {
            return 0;
        }
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return 0; // left to Vert.x, which rejects a malformed Content-Length itself
        }
    }
}
