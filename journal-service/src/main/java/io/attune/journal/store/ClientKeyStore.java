package io.attune.journal.store;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import io.attune.chassis.crypto.DataKey;
import io.attune.chassis.crypto.MasterKey;
import io.attune.chassis.crypto.WrappedKey;
import org.bson.Document;

/**
 * Each client's data key, the key that seals their words in events ({@code client_keys}, one document per client,
 * the key wrapped by the master key, never in the clear). Deleting it is what makes every copy of the client's
 * words on Kafka, in dead-letter queues and downstream unreadable: see docs/security.md#crypto-shredding.
 */
@ApplicationScoped
public class ClientKeyStore {

    private final Collections collections;
    private final MasterKey master;

    public ClientKeyStore(Collections collections, MasterKey master) {
        this.collections = collections;
        this.master = master;
    }

    /** The client's key, made now if they have none. */
    public DataKey ensure(String clientId, Instant now) {
        Optional<DataKey> known = find(clientId);
        if (known.isPresent()) {
            return known.get();
        }
        DataKey key = DataKey.generate(clientId);
        try {
            collections.get(Collections.CLIENT_KEYS).insertOne(new Document("_id", clientId)
                    .append("kid", key.kid())
                    .append("alg", WrappedKey.WRAP_ALG)
                    .append("wrapped", master.wrap(key))
                    .append("createdAt", Date.from(now)));
            return key;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // Made concurrently by another request or replica: theirs stands, so every event uses one key.
            return find(clientId).orElseThrow(() -> e);
        }
    }

    public Optional<DataKey> find(String clientId) {
        return wrapped(clientId).map(wrapped -> wrapped.unwrap(master));
    }

    /** The client's key as it is stored, wrapped: what the internal endpoint hands to the other services. */
    public Optional<WrappedKey> wrapped(String clientId) {
        Document doc = collections.get(Collections.CLIENT_KEYS).find(Filters.eq("_id", clientId)).first();
        return Optional.ofNullable(doc).map(ClientKeyStore::wrappedKey);
    }

    /** The keys of several clients in one round trip; clients without a key are absent from the map. */
    public Map<String, DataKey> find(Collection<String> clientIds) {
        Map<String, DataKey> keys = new HashMap<>();
        collections.get(Collections.CLIENT_KEYS).find(Filters.in("_id", clientIds))
                .forEach(doc -> keys.put(doc.getString("_id"), wrappedKey(doc).unwrap(master)));
        return keys;
    }

    public void delete(String clientId) {
        collections.get(Collections.CLIENT_KEYS).deleteOne(Filters.eq("_id", clientId));
    }

    private static WrappedKey wrappedKey(Document doc) {
        return new WrappedKey(doc.getString("_id"), doc.getString("kid"), doc.getString("alg"),
                doc.getString("wrapped"));
    }
}
