package io.attune.journal.store;

import jakarta.enterprise.context.ApplicationScoped;

import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;

/**
 * A database-wide counter that orders outbox documents. Timestamps alone would tie within a millisecond and
 * differ between replicas; the counter is one atomic single-document update.
 */
@ApplicationScoped
public class Sequence {

    /** One counter for every outbox collection, so the relay can order across them. */
    public static final String OUTBOX = "outbox";

    private final Collections collections;

    public Sequence(Collections collections) {
        this.collections = collections;
    }

    public long next(String name) {
        Document counter = collections.get(Collections.COUNTERS).findOneAndUpdate(
                Filters.eq("_id", name),
                Updates.inc("value", 1L),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        return ((Number) counter.get("value")).longValue();
    }
}
