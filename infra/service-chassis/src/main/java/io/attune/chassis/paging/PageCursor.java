package io.attune.chassis.paging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * Opaque position in a newest-first listing: the (time, id) of the last item returned. Stable under concurrent
 * inserts, unlike an offset. Every paged listing of every service uses this codec.
 */
public record PageCursor(Instant at, String id) {

    public String encode() {
        String raw = at.toEpochMilli() + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws IllegalArgumentException when the value was not produced by {@link #encode()} */
    public static PageCursor decode(String value) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
            int colon = raw.indexOf(':');
            if (colon <= 0 || colon == raw.length() - 1) {
                throw new IllegalArgumentException("malformed cursor");
            }
            return new PageCursor(Instant.ofEpochMilli(Long.parseLong(raw.substring(0, colon))),
                    raw.substring(colon + 1));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a cursor returned by this API", e);
        }
    }
}
