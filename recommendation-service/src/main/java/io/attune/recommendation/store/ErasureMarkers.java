package io.attune.recommendation.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;

/**
 * Remembers that a client was erased, and when, so a score for material recorded before the erasure that arrives
 * after it (the topics are not ordered against each other) is dropped instead of recreating a profile. The marker
 * holds a SHA-256 of the clientId, never the id itself, and expires after the configured retention.
 */
@ApplicationScoped
public class ErasureMarkers {

    private final Collections collections;

    public ErasureMarkers(Collections collections) {
        this.collections = collections;
    }

    public void mark(String clientId, Instant requestedAt, Instant expiresAt) {
        collections.get(Collections.ERASURE_MARKERS).updateOne(Filters.eq("_id", hash(clientId)),
                Updates.combine(Updates.max("requestedAt", Date.from(requestedAt)),
                        Updates.max("expiresAt", Date.from(expiresAt))),
                new UpdateOptions().upsert(true));
    }

    /** When the client was last erased, if a marker is still kept. */
    public Optional<Instant> erasedAt(String clientId) {
        Document marker = collections.get(Collections.ERASURE_MARKERS).find(Filters.eq("_id", hash(clientId))).first();
        return Optional.ofNullable(marker).map(doc -> doc.getDate("requestedAt").toInstant());
    }

    /** When each of these clients was last erased, for those with a marker still kept; one read for all. */
    public Map<String, Instant> erasedAt(Collection<String> clientIds) {
        Map<String, String> byHash = new HashMap<>();
        clientIds.forEach(clientId -> byHash.put(hash(clientId), clientId));
        Map<String, Instant> erased = new HashMap<>();
        collections.get(Collections.ERASURE_MARKERS).find(Filters.in("_id", byHash.keySet()))
                .forEach(doc -> erased.put(byHash.get(doc.getString("_id")), doc.getDate("requestedAt").toInstant()));
        return erased;
    }

    public long deleteExpired(Instant now) {
        return collections.get(Collections.ERASURE_MARKERS).deleteMany(Filters.lt("expiresAt", Date.from(now)))
                .getDeletedCount();
    }

    private static String hash(String clientId) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(clientId.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
