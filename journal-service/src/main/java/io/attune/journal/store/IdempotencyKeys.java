package io.attune.journal.store;

import java.time.Instant;
import java.util.Date;

import jakarta.enterprise.context.ApplicationScoped;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import org.bson.Document;

/**
 * Remembers each {@code Idempotency-Key} with a hash of the request it came with and the id it was given.
 * A unique index on (clientId, key) makes the first writer win; MongoDB-wire has no TTL, so expired keys are
 * removed by {@link #deleteExpired(Instant)} on a schedule.
 */
@ApplicationScoped
public class IdempotencyKeys {

    /** The key as first recorded. {@code resourceId} is the id every repeat of the request gets. */
    public record Claim(String resourceId, String requestHash, String operation) {
    }

    private final Collections collections;

    public IdempotencyKeys(Collections collections) {
        this.collections = collections;
    }

    /** Records the key for {@code claim}, or returns the claim recorded earlier for the same key. */
    public Claim claim(String clientId, String key, Claim claim, Instant now, Instant expiresAt) {
        Document doc = new Document("clientId", clientId)
                .append("key", key)
                .append("resourceId", claim.resourceId())
                .append("requestHash", claim.requestHash())
                .append("operation", claim.operation())
                .append("createdAt", Date.from(now))
                .append("expiresAt", Date.from(expiresAt));
        try {
            collections.get(Collections.IDEMPOTENCY_KEYS).insertOne(doc);
            return claim;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            Document existing = collections.get(Collections.IDEMPOTENCY_KEYS)
                    .find(Filters.and(Filters.eq("clientId", clientId), Filters.eq("key", key)))
                    .first();
            if (existing == null) {
                // Expired and cleaned up between our insert and read: the key is free again.
                return claim(clientId, key, claim, now, expiresAt);
            }
            return new Claim(existing.getString("resourceId"), existing.getString("requestHash"),
                    existing.getString("operation"));
        }
    }

    public long deleteExpired(Instant now) {
        return collections.get(Collections.IDEMPOTENCY_KEYS)
                .deleteMany(Filters.lt("expiresAt", Date.from(now))).getDeletedCount();
    }

    public long deleteClient(String clientId) {
        return collections.get(Collections.IDEMPOTENCY_KEYS)
                .deleteMany(Filters.eq("clientId", clientId)).getDeletedCount();
    }
}
