package io.attune.recommendation.store;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/** Opaque position in a newest-first listing: the (issuedAt, id) of the last item returned. */
public record RecommendationCursor(Instant issuedAt, String id) {

    public String encode() {
        String raw = issuedAt.toEpochMilli() + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws IllegalArgumentException when the value was not produced by {@link #encode()} */
    public static RecommendationCursor decode(String value) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
            int colon = raw.indexOf(':');
            return new RecommendationCursor(Instant.ofEpochMilli(Long.parseLong(raw.substring(0, colon))),
                    raw.substring(colon + 1));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a cursor returned by this API", e);
        }
    }
}
