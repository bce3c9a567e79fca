package io.attune.recommendation.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.attune.recommendation.service.IllegalTransitionException;
import io.quarkus.logging.Log;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** RFC 7807 {@code application/problem+json} for every failure of the recommendation API. */
public class ProblemMappers {

    /** The problem document; {@code errors} lists the invalid fields of a 400. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Problem(String type, String title, int status, String detail, String instance,
            List<FieldError> errors) {
    }

    /** A resource that exists already (409). */
    public static class ConflictException extends RuntimeException {
        public ConflictException(String message) {
            super(message);
        }
    }

    @ServerExceptionMapper
    public Response invalid(InvalidRequestException e, UriInfo uri) {
        return problem(400, "validation", "Invalid request", "The request has invalid fields.", uri, e.errors());
    }

    @ServerExceptionMapper
    public Response violations(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            errors.add(new FieldError(field(violation.getPropertyPath()), violation.getMessage()));
        }
        errors.sort((a, b) -> a.field().compareTo(b.field()));
        return problem(400, "validation", "Invalid request", "The request has invalid fields.", uri, errors);
    }

    @ServerExceptionMapper
    public Response json(JsonMappingException e, UriInfo uri) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        String reason = e instanceof UnrecognizedPropertyException ? "is not a known field"
                : "has the wrong type or format";
        return problem(400, "validation", "Invalid request", "The request has invalid fields.", uri,
                List.of(new FieldError(field.isEmpty() ? "body" : field.toString(), reason)));
    }

    /** More specific than {@link #json}, so it wins over the built-in mapper Quarkus registers for this type. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper
    public Response malformed(JsonParseException e, UriInfo uri) {
        return problem(400, "malformed-json", "Malformed JSON", "The body is not valid JSON.", uri, null);
    }

    @ServerExceptionMapper
    public Response illegalTransition(IllegalTransitionException e, UriInfo uri) {
        return problem(409, "illegal-transition", "Illegal status change", e.getMessage(), uri, null);
    }

    @ServerExceptionMapper
    public Response conflict(ConflictException e, UriInfo uri) {
        return problem(409, "conflict", "Conflict", e.getMessage(), uri, null);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonParseException parse) {
            return malformed(parse, uri);
        }
        if (e.getCause() instanceof JsonMappingException mapping) {
            return json(mapping, uri);
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        if (status.getStatusCode() >= 500) {
            return unexpected(e, uri);
        }
        return problem(status.getStatusCode(), status.getReasonPhrase().toLowerCase().replace(' ', '-'),
                status.getReasonPhrase(), e.getMessage(), uri, null);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        String errorId = UUID.randomUUID().toString();
        Log.errorf(e, "Unhandled %s [errorId=%s]", e.getClass().getName(), errorId);
        return problem(500, "internal", "Internal error", "Quote error id " + errorId + ".", uri, null);
    }

    private static Response problem(int status, String slug, String title, String detail, UriInfo uri,
            List<FieldError> errors) {
        return Response.status(status).type("application/problem+json")
                .entity(new Problem("https://attune.io/problems/" + slug, title, status, detail,
                        "/" + uri.getPath().replaceFirst("^/", ""), errors))
                .build();
    }

    private static String field(Path path) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            }
            if (node.getKind() == ElementKind.PROPERTY) {
                field.append(field.isEmpty() ? "" : ".").append(node.getName());
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }
}
