package io.attune.recommendation.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.WriteModel;
import io.attune.chassis.security.ClientAccess;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * This service's copy of who may see a client (tenant, coaches, consent), kept from the compacted
 * {@code client-access} topic that journal-service publishes. Only a newer version replaces what is stored, so a
 * redelivered or reordered record cannot undo a later change such as a consent revocation.
 */
@ApplicationScoped
public class ClientAccessStore {

    private final Collections collections;

    public ClientAccessStore(Collections collections) {
        this.collections = collections;
    }

    public Optional<ClientAccess> find(String clientId) {
        Document doc = collections.get(Collections.CLIENT_ACCESS).find(Filters.eq("_id", clientId)).first();
        return Optional.ofNullable(doc).map(ClientAccessStore::access);
    }

    /** The coach's roster: the clients of the tenant assigned to the coach, by clientId. */
    public List<ClientAccess> assignedTo(String tenant, String coachId) {
        List<ClientAccess> clients = new ArrayList<>();
        collections.get(Collections.CLIENT_ACCESS)
                .find(Filters.and(Filters.eq("tenant", tenant), Filters.eq("coaches", coachId)))
                .sort(Sorts.ascending("_id"))
                .forEach(doc -> clients.add(access(doc)));
        return clients;
    }

    private static ClientAccess access(Document doc) {
        return new ClientAccess(doc.getString("_id"), doc.getString("tenant"),
                Set.copyOf(doc.getList("coaches", String.class, List.of())),
                doc.getBoolean("shareTextWithCoach", false));
    }

    /** Stores {@code access} unless a version at least as new is stored already. */
    public void apply(ClientAccess access, long version) {
        try {
            collections.get(Collections.CLIENT_ACCESS).replaceOne(
                    versionOlderThan(new Change(access.clientId(), access, version)), document(access, version),
                    new ReplaceOptions().upsert(true));
        } catch (MongoWriteException e) {
            // The upsert found a document at this id with a newer (or the same) version: nothing to do.
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    private static Document document(ClientAccess access, long version) {
        return new Document("_id", access.clientId())
                .append("tenant", access.tenant())
                .append("coaches", access.coaches().stream().sorted().toList())
                .append("shareTextWithCoach", access.shareTextWithCoach())
                .append("version", version);
    }

    public void delete(String clientId) {
        collections.get(Collections.CLIENT_ACCESS).deleteOne(Filters.eq("_id", clientId));
    }

    /** A record of {@code client-access}: the client's access at a version, or its erasure (access null). */
    public record Change(String clientId, ClientAccess access, long version) {

        public static Change erased(String clientId) {
            return new Change(clientId, null, 0);
        }
    }

    /** Applies one change: {@link #apply} or {@link #delete}. */
    public void apply(Change change) {
        if (change.access() == null) {
            delete(change.clientId());
        } else {
            apply(change.access(), change.version());
        }
    }

    /**
     * Applies a batch of changes, in offset order, with at most two round trips, ending where applying them one by
     * one would: per client, an erasure removes the stored copy and every earlier change of the batch, and of the
     * changes after the last erasure only the newest version can win.
     */
    public void applyAll(List<Change> changes) {
        Set<String> erased = new LinkedHashSet<>();
        Map<String, Change> newest = new LinkedHashMap<>();
        for (Change change : changes) {
            if (change.access() == null) {
                erased.add(change.clientId());
                newest.remove(change.clientId());
            } else {
                newest.merge(change.clientId(), change, (stored, next) -> next.version() > stored.version() ? next : stored);
            }
        }
        if (!erased.isEmpty()) {
            collections.get(Collections.CLIENT_ACCESS).deleteMany(Filters.in("_id", erased));
        }
        if (newest.isEmpty()) {
            return;
        }
        try {
            collections.get(Collections.CLIENT_ACCESS).bulkWrite(newest.values().stream()
                    .<WriteModel<Document>>map(change -> new ReplaceOneModel<>(versionOlderThan(change),
                            document(change.access(), change.version()), new ReplaceOptions().upsert(true)))
                    .toList(), new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            // As in apply: an upsert that met a newer (or the same) version has nothing to do.
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
        }
    }

    private static Bson versionOlderThan(Change change) {
        return Filters.and(Filters.eq("_id", change.clientId()), Filters.lt("version", change.version()));
    }
}
