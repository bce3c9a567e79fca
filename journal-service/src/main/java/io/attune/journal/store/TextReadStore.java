package io.attune.journal.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.attune.chassis.paging.PageCursor;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The audit trail of a client's words read by a coach: who, when, what, and through which service. Reads in
 * recommendation-service arrive as {@code text-reads} events; the event id is the record id, so a redelivery
 * is recorded once.
 */
@ApplicationScoped
public class TextReadStore {

    /** One read. {@code what} names the item read (e.g. {@code journal-entry:<id>}), never its content. */
    public record TextRead(String id, String clientId, String coachId, String tenant, Instant at, String what,
            String service) {
    }

    private final Collections collections;

    public TextReadStore(Collections collections) {
        this.collections = collections;
    }

    public void record(TextRead read) {
        try {
            collections.get(Collections.TEXT_READS).insertOne(new Document("_id", read.id())
                    .append("clientId", read.clientId())
                    .append("coachId", read.coachId())
                    .append("tenant", read.tenant())
                    .append("at", Date.from(read.at()))
                    .append("what", read.what())
                    .append("service", read.service()));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    public Page<TextRead> list(String clientId, PageCursor after, int limit) {
        Bson filter = Filters.eq("clientId", clientId);
        if (after != null) {
            Date at = Date.from(after.at());
            filter = Filters.and(filter, Filters.or(Filters.lt("at", at),
                    Filters.and(Filters.eq("at", at), Filters.lt("_id", after.id()))));
        }
        List<TextRead> reads = new ArrayList<>();
        collections.get(Collections.TEXT_READS).find(filter)
                .sort(Sorts.orderBy(Sorts.descending("at"), Sorts.descending("_id")))
                .limit(limit + 1)
                .forEach(doc -> reads.add(new TextRead(doc.getString("_id"), doc.getString("clientId"),
                        doc.getString("coachId"), doc.getString("tenant"), MaterialDocuments.instant(doc, "at"),
                        doc.getString("what"), doc.getString("service"))));
        PageCursor next = null;
        if (reads.size() > limit) {
            reads.remove(limit);
            TextRead last = reads.get(limit - 1);
            next = new PageCursor(last.at(), last.id());
        }
        return new Page<>(reads, next);
    }

    /**
     * Deletes the client's audit trail and keeps only how many reads it held, under the erasure's id, with
     * nothing that names the client.
     */
    public long erase(String clientId, String erasureId, Instant now) {
        long reads = collections.get(Collections.TEXT_READS).deleteMany(Filters.eq("clientId", clientId))
                .getDeletedCount();
        collections.get(Collections.ERASED_AUDIT).insertOne(new Document("_id", erasureId)
                .append("textReads", reads).append("erasedAt", Date.from(now)));
        return reads;
    }
}
