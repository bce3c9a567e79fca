package io.attune.chassis.edge;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.attune.chassis.ids.Ids;
import io.attune.chassis.problem.FieldError;
import io.vertx.core.MultiMap;

/**
 * The checks of {@link EdgeFilter}, as plain functions of the raw request line and headers. Each returns what is
 * wrong, naming the part at fault, and never echoes the rejected value (a path holds a client id).
 */
public final class EdgeRules {

    /** Longest request target (path and query), in characters. */
    public static final int MAX_URI_LENGTH = 8 * 1024;
    /** Largest total of header names and values, in bytes. */
    public static final int MAX_HEADER_BYTES = 16 * 1024;
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private EdgeRules() {
    }

    /** The largest header when the headers are too large in total, else null. */
    static FieldError oversizedHeaders(MultiMap headers) {
        long total = 0;
        String largest = null;
        long largestSize = -1;
        for (Map.Entry<String, String> header : headers) {
            long size = header.getKey().length() + (long) header.getValue().length() + 4; // ": " and CRLF
            total += size;
            if (size > largestSize) {
                largestSize = size;
                largest = header.getKey();
            }
        }
        if (total <= MAX_HEADER_BYTES) {
            return null;
        }
        return new FieldError(safeName(largest), "is too large (all headers together may hold at most "
                + MAX_HEADER_BYTES / 1024 + " KB)");
    }

    /**
     * What is wrong with the whole request target by RFC 3986 (a space, {@code |} or a raw non-ASCII byte, say),
     * as Quarkus itself would judge it before routing; see {@link EdgeFilter}.
     */
    public static List<FieldError> targetErrors(String uri) {
        try {
            new URI(uri);
            return List.of();
        } catch (URISyntaxException e) {
            int query = uri.indexOf('?');
            boolean inQuery = query >= 0 && e.getIndex() > query;
            String part = inQuery ? "query" : "path";
            if (e.getReason() != null && e.getReason().contains("escape")) {
                return List.of(new FieldError(part, "must be valid percent-encoded UTF-8"));
            }
            return List.of(new FieldError(part, "must percent-encode characters that RFC 3986 does not allow"));
        }
    }

    /** What is wrong with a raw (still percent-encoded) path. */
    public static List<FieldError> pathErrors(String rawPath) {
        if (rawPath.indexOf(';') >= 0) {
            return List.of(new FieldError("path", "must not contain ';' (matrix parameters are not supported)"));
        }
        String decoded = decode(rawPath, false);
        if (decoded == null) {
            return List.of(new FieldError("path", "must be valid percent-encoded UTF-8"));
        }
        if (decoded.indexOf(';') >= 0) {
            return List.of(new FieldError("path", "must not contain ';' (matrix parameters are not supported)"));
        }
        if (decoded.codePoints().anyMatch(Character::isISOControl)) {
            return List.of(new FieldError("path", "must not contain control characters"));
        }
        return List.of();
    }

    /** What is wrong with a raw query string: bad encoding, an empty value, or a parameter given more than once. */
    public static List<FieldError> queryErrors(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return List.of();
        }
        List<FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String pair : rawQuery.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals), true);
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1), true);
            if (name == null || value == null) {
                errors.add(new FieldError(name == null ? "query" : safeName(name),
                        "must be valid percent-encoded UTF-8"));
            } else if (!seen.add(name)) {
                errors.add(new FieldError(safeName(name), "must be given at most once"));
            } else if (value.isEmpty()) {
                // JAX-RS reads "?limit=" as no limit at all; no parameter of the API has an empty value.
                errors.add(new FieldError(safeName(name), "must not be empty"));
            }
        }
        return errors;
    }

    /** An Idempotency-Key must be sent once and hold a value; its format is checked by the operation. */
    public static List<FieldError> idempotencyKeyErrors(MultiMap headers) {
        List<String> keys = headers.getAll(IDEMPOTENCY_KEY);
        if (keys.size() > 1) {
            return List.of(new FieldError(IDEMPOTENCY_KEY, "must be sent at most once"));
        }
        if (keys.size() == 1 && !Ids.IDEMPOTENCY_KEY.matcher(keys.get(0)).matches()) {
            return List.of(new FieldError(IDEMPOTENCY_KEY, Ids.IDEMPOTENCY_KEY_RULE));
        }
        return List.of();
    }

    /**
     * Percent-decodes {@code raw} as UTF-8 ({@code +} is a space only in a query), or null when an escape is
     * malformed or the bytes are not UTF-8.
     */
    static String decode(String raw, boolean query) {
        if (raw.indexOf('%') < 0 && !(query && raw.indexOf('+') >= 0)) {
            return raw;
        }
        ByteBuffer bytes = ByteBuffer.allocate(raw.length() * 4);
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length() || Character.digit(raw.charAt(i + 1), 16) < 0
                        || Character.digit(raw.charAt(i + 2), 16) < 0) {
                    return null;
                }
                bytes.put((byte) (Character.digit(raw.charAt(i + 1), 16) * 16 + Character.digit(raw.charAt(i + 2), 16)));
                i += 2;
            } else if (query && c == '+') {
                bytes.put((byte) ' ');
            } else {
                bytes.put(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        bytes.flip();
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** A parameter or header name fit to appear in a problem: short, printable ASCII. */
    private static String safeName(String name) {
        if (name != null && name.length() <= 64 && name.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
            return name;
        }
        return "query";
    }
}
