package io.attune.journal.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.attune.journal.PublicationState;
import org.bson.Document;

/**
 * Erasure requests waiting to be announced on {@code client-erasures}. Once the broker has acknowledged one,
 * the record is deleted, so no trace of the client stays behind.
 */
@ApplicationScoped
public class ErasureStore {

    public record Erasure(String erasureId, String clientId, Instant requestedAt) {
    }

    private final Collections collections;
    private final Sequence sequence;

    public ErasureStore(Collections collections, Sequence sequence) {
        this.collections = collections;
        this.sequence = sequence;
    }

    public void add(Erasure erasure) {
        collections.get(Collections.ERASURES).insertOne(new Document("_id", erasure.erasureId())
                .append("clientId", erasure.clientId())
                .append("requestedAt", Date.from(erasure.requestedAt()))
                .append("seq", sequence.next(Sequence.OUTBOX))
                .append("publicationState", PublicationState.PENDING.name()));
    }

    public List<Erasure> pending(int limit) {
        List<Erasure> erasures = new ArrayList<>();
        collections.get(Collections.ERASURES)
                .find(Filters.eq("publicationState", PublicationState.PENDING.name()))
                .sort(Sorts.ascending("seq"))
                .limit(limit)
                .forEach(doc -> erasures.add(new Erasure(doc.getString("_id"), doc.getString("clientId"),
                        MaterialDocuments.instant(doc, "requestedAt"))));
        return erasures;
    }

    public long countPending() {
        return collections.count(Collections.ERASURES, Filters.eq("publicationState", PublicationState.PENDING.name()));
    }

    public void published(String erasureId) {
        collections.get(Collections.ERASURES).deleteOne(Filters.eq("_id", erasureId));
    }
}
