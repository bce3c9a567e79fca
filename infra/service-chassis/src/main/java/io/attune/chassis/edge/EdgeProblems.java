package io.attune.chassis.edge;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.attune.chassis.problem.FieldError;
import io.attune.chassis.problem.Problem;
import io.vertx.ext.web.RoutingContext;

/** Writes an RFC 7807 problem straight on the Vert.x response, for refusals made before RESTEasy runs. */
@ApplicationScoped
public class EdgeProblems {

    private final ObjectMapper mapper;

    public EdgeProblems(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    void refuse(RoutingContext context, int status, String slug, String title, String detail,
            List<FieldError> errors) {
        if (context.response().ended() || context.response().headWritten()) {
            return;
        }
        // The path is left out of a refusal made here: it may be the malformed or oversized part.
        Problem problem = Problem.of(status, slug, title, detail, null, errors.isEmpty() ? null : errors);
        String body;
        try {
            body = mapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem must serialise", e);
        }
        context.response().setStatusCode(status)
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .end(body);
    }
}
