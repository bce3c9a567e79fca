package io.attune.recommendation.store;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.attune.chassis.crypto.MasterKey;
import io.attune.recommendation.config.RecommendationConfig;
import org.bson.Document;

/**
 * Remembers that a client was erased, and when, so a score for material recorded before the erasure that arrives
 * after it (the topics are not ordered against each other) is dropped instead of recreating a profile. The marker
 * is keyed by an HMAC-SHA256 of the clientId with a secret ({@code attune.recommendation.erasure-marker-secret},
 * else derived from the master key), never the id itself nor a bare hash a guessable id could be recovered from,
 * and expires after the configured retention.
 */
@ApplicationScoped
public class ErasureMarkers {

    private final Collections collections;
    private final SecretKeySpec secret;

    public ErasureMarkers(Collections collections, RecommendationConfig config, MasterKey master) {
        this.collections = collections;
        byte[] material = config.erasureMarkerSecret().map(value -> value.getBytes(StandardCharsets.UTF_8))
                .orElseGet(() -> master.derive("erasure-marker"));
        this.secret = new SecretKeySpec(material, "HmacSHA256");
    }

    public void mark(String clientId, Instant requestedAt, Instant expiresAt) {
        collections.get(Collections.ERASURE_MARKERS).updateOne(Filters.eq("_id", keyedHash(clientId)),
                Updates.combine(Updates.max("requestedAt", Date.from(requestedAt)),
                        Updates.max("expiresAt", Date.from(expiresAt))),
                new UpdateOptions().upsert(true));
    }

    /**
     * When the client was last erased, if a marker is still kept. Markers written before the keyed hash (a bare
     * SHA-256) are still honoured until they expire; none are written any more.
     */
    public Optional<Instant> erasedAt(String clientId) {
        Document marker = collections.get(Collections.ERASURE_MARKERS)
                .find(Filters.in("_id", List.of(keyedHash(clientId), legacyHash(clientId))))
                .sort(Sorts.descending("requestedAt"))
                .first();
        return Optional.ofNullable(marker).map(doc -> doc.getDate("requestedAt").toInstant());
    }

    /**
     * When each of these clients was last erased, for those with a marker still kept (keyed or legacy, the later
     * of the two); one read for all.
     */
    public Map<String, Instant> erasedAt(Collection<String> clientIds) {
        Map<String, String> byHash = new HashMap<>();
        clientIds.forEach(clientId -> {
            byHash.put(keyedHash(clientId), clientId);
            byHash.put(legacyHash(clientId), clientId);
        });
        Map<String, Instant> erased = new HashMap<>();
        collections.get(Collections.ERASURE_MARKERS).find(Filters.in("_id", byHash.keySet()))
                .forEach(doc -> erased.merge(byHash.get(doc.getString("_id")), doc.getDate("requestedAt").toInstant(),
                        (a, b) -> a.isAfter(b) ? a : b));
        return erased;
    }

    public long deleteExpired(Instant now) {
        return collections.get(Collections.ERASURE_MARKERS).deleteMany(Filters.lt("expiresAt", Date.from(now)))
                .getDeletedCount();
    }

    private String keyedHash(String clientId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(secret);
            return "h1:" + HexFormat.of().formatHex(mac.doFinal(clientId.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    private static String legacyHash(String clientId) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(clientId.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
