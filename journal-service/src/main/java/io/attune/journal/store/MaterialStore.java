package io.attune.journal.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.attune.chassis.paging.PageCursor;
import io.attune.chassis.tracing.TraceParents;
import io.attune.journal.Material;
import io.attune.journal.PublicationState;
import org.bson.Document;
import org.bson.conversions.Bson;

/** Journal entries and conversation samples, each carrying its own outbox state. */
@ApplicationScoped
public class MaterialStore {

    /** A document waiting for the relay, with the trace context of the request that stored it (or null). */
    public record PendingMaterial(Material material, String traceparent) {
    }

    private static final String TRACEPARENT = "traceparent";

    private final Collections collections;
    private final Sequence sequence;

    public MaterialStore(Collections collections, Sequence sequence) {
        this.collections = collections;
        this.sequence = sequence;
    }

    /**
     * Stores the material unless a document with its id exists already. Idempotent, so a retried request that
     * died between recording its idempotency key and storing the document completes the work instead of losing it.
     */
    public void insertIfAbsent(Material material) {
        Document doc = MaterialDocuments.toDocument(material, sequence.next(Sequence.OUTBOX));
        doc.remove("_id");
        // The relay publishes later, on its own thread: the trace of this request travels on the document.
        String traceparent = TraceParents.current();
        if (traceparent != null) {
            doc.append(TRACEPARENT, traceparent);
        }
        collections.get(MaterialKind.of(material).collection).updateOne(
                Filters.eq("_id", material.id()),
                new Document("$setOnInsert", doc),
                new UpdateOptions().upsert(true));
    }

    public Optional<Material> find(MaterialKind kind, String clientId, String id) {
        Document doc = collections.get(kind.collection)
                .find(Filters.and(Filters.eq("_id", id), Filters.eq("clientId", clientId)))
                .first();
        return Optional.ofNullable(doc).map(kind::read);
    }

    /** Newest first by occurrence time, within [from, to). */
    public Page<Material> list(MaterialKind kind, String clientId, Instant from, Instant to, PageCursor after, int limit) {
        List<Bson> filters = new ArrayList<>();
        filters.add(Filters.eq("clientId", clientId));
        if (from != null) {
            filters.add(Filters.gte("occurredAt", Date.from(from)));
        }
        if (to != null) {
            filters.add(Filters.lt("occurredAt", Date.from(to)));
        }
        if (after != null) {
            Date at = Date.from(after.at());
            // Implied by the $or below; stated so that the index scan starts at the cursor instead of the newest.
            filters.add(Filters.lte("occurredAt", at));
            filters.add(Filters.or(Filters.lt("occurredAt", at),
                    Filters.and(Filters.eq("occurredAt", at), Filters.lt("_id", after.id()))));
        }
        List<Material> items = new ArrayList<>();
        collections.get(kind.collection)
                .find(Filters.and(filters))
                .sort(Sorts.descending("occurredAt", "_id"))
                .limit(limit + 1)
                .forEach(doc -> items.add(kind.read(doc)));
        PageCursor next = null;
        if (items.size() > limit) {
            items.remove(limit);
            Material last = items.get(limit - 1);
            next = new PageCursor(last.occurredAt(), last.id());
        }
        return new Page<>(items, next);
    }

    /** The oldest pending documents, in outbox order. */
    public List<PendingMaterial> pending(MaterialKind kind, int limit) {
        List<PendingMaterial> items = new ArrayList<>();
        collections.get(kind.collection)
                .find(Filters.eq("publicationState", PublicationState.PENDING.name()))
                .sort(Sorts.ascending("seq"))
                .limit(limit)
                .forEach(doc -> items.add(new PendingMaterial(kind.read(doc), doc.getString(TRACEPARENT))));
        return items;
    }

    public long countPending(MaterialKind kind) {
        return collections.count(kind.collection, Filters.eq("publicationState", PublicationState.PENDING.name()));
    }

    /** Marks the given documents published, in one round trip (each found through the _id index). */
    public void markPublished(MaterialKind kind, List<String> ids, Instant at) {
        collections.get(kind.collection).updateMany(
                Filters.in("_id", ids),
                Updates.combine(Updates.set("publicationState", PublicationState.PUBLISHED.name()),
                        Updates.set("publishedAt", Date.from(at))));
    }

    public long deleteClient(String clientId) {
        long deleted = 0;
        for (MaterialKind kind : MaterialKind.values()) {
            deleted += collections.get(kind.collection).deleteMany(Filters.eq("clientId", clientId)).getDeletedCount();
        }
        return deleted;
    }
}
