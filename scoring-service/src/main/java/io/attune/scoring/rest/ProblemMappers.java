package io.attune.scoring.rest;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

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
import io.quarkus.logging.Log;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * RFC 7807 {@code application/problem+json} for every failure: a 400 lists each invalid field, and the
 * rejected value is never echoed because it may be someone's journal text.
 */
public class ProblemMappers {

    /** The problem document. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Problem(String type, String title, int status, String detail, String instance,
            List<FieldError> errors) {
    }

    @ServerExceptionMapper
    public Response invalid(InvalidRequestException e, UriInfo uri) {
        return invalidFields(uri, e.errors());
    }

    @ServerExceptionMapper
    public Response violations(ConstraintViolationException e, UriInfo uri) {
        return invalidFields(uri, e.getConstraintViolations().stream()
                .map(v -> new FieldError(field(v.getPropertyPath()), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList());
    }

    @ServerExceptionMapper
    public Response json(JsonMappingException e, UriInfo uri) {
        String field = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining()).replaceFirst("^\\.", "");
        String reason = e instanceof UnrecognizedPropertyException ? "is not a known field"
                : "has the wrong type or format";
        return invalidFields(uri, List.of(new FieldError(field.isEmpty() ? "body" : field, reason)));
    }

    /** More specific than {@link #json}, so it wins over the built-in mapper Quarkus registers for this type. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper
    public Response malformed(JsonParseException e, UriInfo uri) {
        return problem(400, "malformed-json", "Malformed JSON", "The body is not valid JSON (line "
                + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ").", uri, null);
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

    private static Response invalidFields(UriInfo uri, List<FieldError> errors) {
        return problem(400, "validation", "Invalid request", "The request has invalid fields.", uri, errors);
    }

    private static Response problem(int status, String slug, String title, String detail, UriInfo uri,
            List<FieldError> errors) {
        return Response.status(status).type("application/problem+json")
                .entity(new Problem("https://attune.io/problems/" + slug, title, status, detail,
                        "/" + uri.getPath().replaceFirst("^/", ""), errors))
                .build();
    }

    /** Drops the method and parameter nodes: {@code analyze.body.turns[1].text} becomes {@code turns[1].text}. */
    private static String field(Path path) {
        String field = StreamSupport.stream(path.spliterator(), false)
                .filter(node -> node.getKind() == ElementKind.PROPERTY)
                .map(node -> (node.getIndex() != null ? "[" + node.getIndex() + "]." : ".") + node.getName())
                .collect(Collectors.joining())
                .replaceFirst("^\\.", "");
        return field.isEmpty() ? "body" : field;
    }
}
