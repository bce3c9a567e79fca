package io.attune.journal.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a body announced larger than {@code quarkus.http.limits.max-body-size} with a 413 problem, like every
 * other error. Quarkus refuses such a body too, but with an empty answer; this runs just before that check
 * (which stays in place for chunked bodies without a Content-Length).
 */
@ApplicationScoped
public class OversizedBodies {

    /** One step ahead of Quarkus' own upload limit, {@code RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT} (-2). */
    private static final int BEFORE_UPLOAD_LIMIT = -3;

    private final long maxBodyBytes;
    private final ObjectMapper mapper;

    public OversizedBodies(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize,
            ObjectMapper mapper) {
        this.maxBodyBytes = maxBodySize.asLongValue();
        this.mapper = mapper;
    }

    void install(@Observes Router router) {
        router.route().order(BEFORE_UPLOAD_LIMIT).handler(this::refuseOversized);
    }

    private void refuseOversized(RoutingContext context) {
        if (announcedLength(context) <= maxBodyBytes) {
            context.next();
            return;
        }
        Problem problem = new Problem(Problem.TYPE_BASE + "payload-too-large", "Payload Too Large", 413,
                "The body is larger than " + maxBodyBytes / 1024 + " KB.", context.request().path(), null);
        try {
            context.response().setStatusCode(413)
                    .putHeader("Content-Type", Problem.MEDIA_TYPE)
                    // The body is not read, so the connection cannot be reused.
                    .putHeader("Connection", "close")
                    .end(mapper.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            context.fail(e);
        }
    }

    private static long announcedLength(RoutingContext context) {
        String length = context.request().getHeader("Content-Length");
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
