package io.attune.chassis.edge;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.attune.chassis.problem.Problem;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The first handler every request meets, before authentication and before Quarkus' own body limit:
 * <ul>
 * <li>a body announced larger than {@code quarkus.http.limits.max-body-size} gets a 413 problem (Quarkus would
 * answer with an empty 413; its own check stays in place for chunked bodies);</li>
 * <li>a body without a Content-Type gets a 415 problem, so a cross-origin page cannot send a CORS "simple
 * request" that we would then read as JSON;</li>
 * <li>every answer carries {@code X-Content-Type-Options: nosniff}, answers under {@code /api/} carry
 * {@code Cache-Control: no-store} (they hold client data), and pages carry a Content-Security-Policy without
 * inline scripts.</li>
 * </ul>
 */
@ApplicationScoped
public class EdgeFilter {

    /** One step ahead of Quarkus' own upload limit, {@code RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT} (-2). */
    private static final int BEFORE_UPLOAD_LIMIT = -3;
    private static final Set<HttpMethod> WITH_BODY = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";

    private final long maxBodyBytes;
    private final ObjectMapper mapper;

    public EdgeFilter(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize,
            ObjectMapper mapper) {
        this.maxBodyBytes = maxBodySize.asLongValue();
        this.mapper = mapper;
    }

    void install(@Observes Router router) {
        router.route().order(BEFORE_UPLOAD_LIMIT).handler(this::filter);
    }

    private void filter(RoutingContext context) {
        HttpServerRequest request = context.request();
        String path = request.path();
        context.addHeadersEndHandler(ignored -> securityHeaders(context, path));
        if (announcedLength(request) > maxBodyBytes) {
            // The body is not read, so the connection cannot be reused.
            context.response().putHeader("Connection", "close");
            refuse(context, 413, "payload-too-large", "Payload Too Large",
                    "The body is larger than " + maxBodyBytes / 1024 + " KB.");
            return;
        }
        if (WITH_BODY.contains(request.method()) && hasBody(request) && request.getHeader("Content-Type") == null) {
            refuse(context, 415, "unsupported-media-type", "Unsupported Media Type",
                    "A request body needs a Content-Type header; this API takes application/json.");
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

    private void refuse(RoutingContext context, int status, String slug, String title, String detail) {
        Problem problem = Problem.of(status, slug, title, detail, context.request().path(), null);
        try {
            context.response().setStatusCode(status)
                    .putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .end(mapper.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            context.fail(e);
        }
    }

    private static boolean hasBody(HttpServerRequest request) {
        return announcedLength(request) > 0 || request.getHeader("Transfer-Encoding") != null;
    }

    private static long announcedLength(HttpServerRequest request) {
        String length = request.getHeader("Content-Length");
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
