package io.attune.recommendation.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import io.attune.chassis.problem.ProblemMappers;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** MongoDB unreachable for a moment (restarting, failing over): a 503 the client may retry, not a 500. */
public class MongoUnavailable {

    @ServerExceptionMapper
    public Response socket(MongoSocketException e, UriInfo uri) {
        return ProblemMappers.unavailable(uri, e);
    }

    @ServerExceptionMapper
    public Response timeout(MongoTimeoutException e, UriInfo uri) {
        return ProblemMappers.unavailable(uri, e);
    }
}
