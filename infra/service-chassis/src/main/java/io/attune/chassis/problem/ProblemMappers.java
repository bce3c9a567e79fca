package io.attune.chassis.problem;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.attune.chassis.json.StrictJson;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure of every service into RFC 7807 {@code application/problem+json}. Bad input is a 4xx that
 * names the field at fault; the rejected value is never echoed, since it may be journal text.
 */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response invalidRequest(InvalidRequestException e, UriInfo uri) {
        return badRequest(uri, e.errors());
    }

    @ServerExceptionMapper
    public Response problemException(ProblemException e, UriInfo uri) {
        return problem(e.status(), e.slug(), e.title(), e.getMessage(), uri, null);
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            errors.add(new FieldError(fieldName(violation.getPropertyPath()), violation.getMessage()));
        }
        errors.sort((a, b) -> a.field().compareTo(b.field()));
        return badRequest(uri, errors);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e, UriInfo uri) {
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (message.startsWith("Duplicate field")) {
            return badRequest(uri, List.of(new FieldError(streamPath(e), "must appear only once")));
        }
        String where = "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return problem(400, "malformed-json", "Malformed JSON", "The body is not valid JSON (" + where + ").", uri,
                List.of(new FieldError("body", "must be valid JSON (" + where + ")")));
    }

    /** A limit of {@link StrictJson} hit before any field was bound, e.g. a body that is only nested arrays. */
    @ServerExceptionMapper
    public Response constraintsExceeded(StreamConstraintsException e, UriInfo uri) {
        return badRequest(uri, List.of(new FieldError("body", limitReason(e))));
    }

    /** A number that does not fit its field: {@code "intensity": 99999999999}. */
    @ServerExceptionMapper
    public Response inputCoercion(InputCoercionException e, UriInfo uri) {
        return badRequest(uri, List.of(new FieldError(streamPath(e), "must be " + describe(e.getTargetType()))));
    }

    /** More specific than {@link #unmappableJson}, so it wins over the mapper Quarkus registers for this type. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return unmappableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response unmappableJson(JsonMappingException e, UriInfo uri) {
        if (e instanceof MismatchedInputException && e.getOriginalMessage() != null
                && e.getOriginalMessage().startsWith("Trailing token")) {
            // Not a field at fault: the body holds more than one JSON value.
            return problem(400, "malformed-json", "Malformed JSON",
                    "The body must be a single JSON object with nothing after it.", uri,
                    List.of(new FieldError("body", "must be a single JSON value with nothing after it")));
        }
        return badRequest(uri, List.of(fieldError(e)));
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, UriInfo uri) {
        return unauthorized(uri, "A valid bearer token is required.");
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        // The reason (expired, bad signature, unknown issuer) stays in the server's debug log, not in the answer.
        Log.debugf("Bearer token refused: %s", e.getMessage());
        return unauthorized(uri, "The bearer token is not valid: it may be expired, malformed or signed by "
                + "an unknown key.");
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return problem(403, "forbidden", "Forbidden", "Your role may not perform this operation.", uri, null);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        // Quarkus REST wraps body-reading failures in a plain 400; the Jackson cause says which field is at fault.
        if (e.getCause() instanceof JsonParseException parse) {
            return malformedJson(parse, uri);
        }
        if (e.getCause() instanceof JsonMappingException mapping) {
            return unmappableJson(mapping, uri);
        }
        if (e.getCause() instanceof StreamConstraintsException constraints) {
            return constraintsExceeded(constraints, uri);
        }
        if (e.getCause() instanceof InputCoercionException coercion) {
            return inputCoercion(coercion, uri);
        }
        if (e.getCause() instanceof JsonProcessingException other) {
            return problem(400, "malformed-json", "Malformed JSON", "The body is not valid JSON.", uri,
                    List.of(new FieldError("body", "must be valid JSON")));
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        if (status.getStatusCode() >= 500) {
            return unexpected(e, uri);
        }
        String slug = status.getReasonPhrase().toLowerCase().replace(' ', '-');
        return problem(status.getStatusCode(), slug, status.getReasonPhrase(), e.getMessage(), uri, null);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        String errorId = UUID.randomUUID().toString();
        // The path is not logged: it names the client.
        Log.errorf(e, "Unhandled %s [errorId=%s]", e.getClass().getName(), errorId);
        return problem(500, "internal", "Internal error",
                "Something went wrong on our side; quote error id " + errorId + ".", uri, null);
    }

    /**
     * 503 with {@code Retry-After} for a dependency that is away for a moment (a database failing over, say):
     * the request did nothing and may be sent again. Services map their driver's transient failures to it.
     */
    public static Response unavailable(UriInfo uri, Throwable cause) {
        Log.warnf("Answering 503: %s", cause.getClass().getName());
        return Response.fromResponse(problem(503, "unavailable", "Service Unavailable",
                "A service this request needs is briefly unavailable; nothing was changed. Try again shortly.", uri,
                null)).header(HttpHeaders.RETRY_AFTER, "2").build();
    }

    private static Response badRequest(UriInfo uri, List<FieldError> errors) {
        return problem(400, "validation", "Invalid request", "The request has invalid fields.", uri, errors);
    }

    private static Response unauthorized(UriInfo uri, String detail) {
        return Response.fromResponse(problem(401, "unauthorized", "Unauthorized", detail, uri, null))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    public static Response problem(int status, String slug, String title, String detail, UriInfo uri,
            List<FieldError> errors) {
        Problem body = Problem.of(status, slug, title, detail,
                uri == null ? null : "/" + uri.getPath().replaceFirst("^/", ""), errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    /** {@code create.body.turns[0].text} becomes {@code turns[0].text}; a bare parameter keeps its own name. */
    static String fieldName(Path path) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.getIndex() != null) {
                // Bean Validation puts the index of a list element on the node that follows the list.
                field.append('[').append(node.getIndex()).append(']');
            }
            if (node.getKind() == ElementKind.PROPERTY) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        if (field.isEmpty()) {
            return parameter == null ? "body" : parameter;
        }
        return field.toString();
    }

    private static FieldError fieldError(JsonMappingException e) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        String name = field.isEmpty() ? "body" : field.toString();
        if (e instanceof UnrecognizedPropertyException) {
            return new FieldError(name, "is not a known field");
        }
        Throwable cause = e.getCause();
        if (cause instanceof StreamConstraintsException constraints) {
            return new FieldError(name, limitReason(constraints));
        }
        if (cause instanceof InputCoercionException coercion) {
            return new FieldError(name, "must be " + describe(coercion.getTargetType()));
        }
        if (cause instanceof JsonParseException parse && parse.getOriginalMessage() != null
                && parse.getOriginalMessage().startsWith("Duplicate field")) {
            return new FieldError(streamPath(parse), "must appear only once");
        }
        if (cause instanceof IllegalArgumentException && cause.getMessage() != null
                && cause.getMessage().startsWith("must be one of")) {
            return new FieldError(name, cause.getMessage());
        }
        if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            return new FieldError(name, "must be " + describe(mismatched.getTargetType()));
        }
        return new FieldError(name, "has the wrong type or format");
    }

    /** The reason for a {@link StrictJson} limit, without the value (a 100,000-digit number is not echoed). */
    private static String limitReason(StreamConstraintsException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.contains("nesting depth")) {
            return "nests objects and arrays deeper than " + StrictJson.MAX_NESTING_DEPTH + " levels";
        }
        if (message.contains("Number value length")) {
            return "holds a number longer than " + StrictJson.MAX_NUMBER_LENGTH + " characters";
        }
        return "exceeds a size limit of the JSON reader";
    }

    /** {@code emotions[0].intensity}, from where the parser stood when it failed. */
    private static String streamPath(JsonProcessingException e) {
        if (!(e.getProcessor() instanceof JsonParser parser)) {
            return "body";
        }
        List<String> parts = new ArrayList<>();
        for (JsonStreamContext context = parser.getParsingContext(); context != null && !context.inRoot();
                context = context.getParent()) {
            if (context.inObject() && context.getCurrentName() != null) {
                parts.add(0, "." + context.getCurrentName());
            } else if (context.inArray()) {
                parts.add(0, "[" + Math.max(context.getCurrentIndex(), 0) + "]");
            }
        }
        String path = String.join("", parts).replaceFirst("^\\.", "");
        return path.isEmpty() ? "body" : path;
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "a value of the documented type";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 date-time with offset, e.g. 2026-01-31T09:00:00Z";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "an integer";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (List.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (type.getSimpleName().endsWith("DateTime")) {
            return "an ISO-8601 date-time with offset, e.g. 2026-01-31T09:00:00Z";
        }
        if (type.isEnum()) {
            return "one of the documented values";
        }
        return "an object";
    }
}
