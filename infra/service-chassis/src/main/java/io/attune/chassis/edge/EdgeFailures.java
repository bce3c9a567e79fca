package io.attune.chassis.edge;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.attune.chassis.problem.FieldError;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.quarkus.logging.Log;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Client errors that Vert.x raises itself, before or around RESTEasy: a chunked body that outgrows
 * {@code quarkus.http.limits.max-body-size} (413), a path Vert.x cannot decode (400), a method or route it does
 * not know. Without this they are answered with an empty body, and some with an ERROR stack trace per request,
 * so anyone could flood the logs. They become problems here and are logged at DEBUG only: a client error is
 * not a server fault. Server errors pass on to Quarkus' own handling.
 */
@ApplicationScoped
public class EdgeFailures {

    private final EdgeProblems problems;

    public EdgeFailures(EdgeProblems problems) {
        this.problems = problems;
    }

    void install(@Observes Router router) {
        router.route().order(EdgeFilter.BEFORE_UPLOAD_LIMIT - 1).failureHandler(this::onFailure);
        // A failure raised before any route matched (an undecodable path) reaches the router's error handlers.
        for (int status = 400; status < 500; status++) {
            int code = status;
            router.errorHandler(code, context -> answer(context, code));
        }
    }

    private void onFailure(RoutingContext context) {
        int status = context.statusCode();
        if (status >= 400 && status < 500) {
            answer(context, status);
        } else {
            context.next();
        }
    }

    /** Vert.x does not say why it could not read a request; the edge rules can, most of the time. */
    private static List<FieldError> badRequestErrors(RoutingContext context) {
        String uri = context.request().uri() == null ? "" : context.request().uri();
        List<FieldError> errors = EdgeRules.targetErrors(uri);
        if (errors.isEmpty()) {
            int query = uri.indexOf('?');
            errors = EdgeRules.pathErrors(query < 0 ? uri : uri.substring(0, query));
        }
        return errors.isEmpty() ? List.of(new FieldError("request", "is malformed")) : errors;
    }

    private void answer(RoutingContext context, int status) {
        if (context.failure() != null) {
            Log.debugf("Client error %d: %s", status, context.failure().getClass().getName());
        }
        if (context.response().ended() || context.response().headWritten()) {
            return;
        }
        String reason = HttpResponseStatus.valueOf(status).reasonPhrase();
        switch (status) {
            case 413 -> {
                context.response().putHeader("Connection", "close");
                problems.refuse(context, 413, "payload-too-large", "Payload Too Large",
                        "The body is larger than the service accepts.",
                        List.of(new FieldError("body", "is too large")));
            }
            case 400 -> problems.refuse(context, 400, "validation", "Invalid request",
                    "The request could not be read.", badRequestErrors(context));
            default -> problems.refuse(context, status, reason.toLowerCase().replace(' ', '-'), reason,
                    "The request was refused: " + reason + ".", List.of());
        }
    }
}
