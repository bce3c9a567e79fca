package io.attune.recommendation.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import io.attune.chassis.security.ClientAccess;
import org.bson.Document;

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
        Document doc = new Document("_id", access.clientId())
                .append("tenant", access.tenant())
                .append("coaches", access.coaches().stream().sorted().toList())
                .append("shareTextWithCoach", access.shareTextWithCoach())
                .append("version", version);
        try {
            collections.get(Collections.CLIENT_ACCESS).replaceOne(
                    Filters.and(Filters.eq("_id", access.clientId()), Filters.lt("version", version)), doc,
                    new ReplaceOptions().upsert(true));
        } catch (MongoWriteException e) {
            // The upsert found a document at this id with a newer (or the same) version: nothing to do.
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    public void delete(String clientId) {
        collections.get(Collections.CLIENT_ACCESS).deleteOne(Filters.eq("_id", clientId));
    }
}
