package io.attune.journal.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The collections of {@code attune-journal}, and the indexes behind every query path. */
@ApplicationScoped
public class Collections {

    static final String JOURNAL_ENTRIES = "journal_entries";
    static final String CONVERSATIONS = "conversations";
    static final String IDEMPOTENCY_KEYS = "idempotency_keys";
    static final String CLIENTS = "clients";
    static final String TEXT_READS = "text_reads";
    static final String ERASED_AUDIT = "erased_audit";
    static final String ERASURES = "erasures";
    static final String COUNTERS = "counters";
    static final String CLIENT_KEYS = "client_keys";

    private final MongoDatabase database;

    public Collections(MongoClient client, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.database = client.getDatabase(database);
    }

    void createIndexes(@Observes StartupEvent event) {
        for (String name : new String[] { JOURNAL_ENTRIES, CONVERSATIONS }) {
            MongoCollection<Document> material = get(name);
            // GET list: per client, newest first, cursor on (occurredAt, _id).
            material.createIndex(Indexes.compoundIndex(Indexes.ascending("clientId"),
                    Indexes.descending("occurredAt"), Indexes.descending("_id")));
            // Outbox relay: pending documents in sequence order.
            material.createIndex(Indexes.compoundIndex(Indexes.ascending("publicationState"), Indexes.ascending("seq")));
        }
        get(IDEMPOTENCY_KEYS).createIndex(Indexes.compoundIndex(Indexes.ascending("clientId"), Indexes.ascending("key")),
                new IndexOptions().unique(true));
        get(IDEMPOTENCY_KEYS).createIndex(Indexes.ascending("expiresAt"));
        // Access relay: clients whose tenant, coaches or consent changed, in change order.
        get(CLIENTS).createIndex(Indexes.compoundIndex(Indexes.ascending("accessPending"), Indexes.ascending("accessSeq")),
                new IndexOptions().sparse(true));
        // A coach's roster.
        get(CLIENTS).createIndex(Indexes.compoundIndex(Indexes.ascending("coaches"), Indexes.ascending("tenant")));
        // A client's audit trail, newest first.
        get(TEXT_READS).createIndex(Indexes.compoundIndex(Indexes.ascending("clientId"), Indexes.descending("at"),
                Indexes.descending("_id")));
        get(ERASURES).createIndex(Indexes.compoundIndex(Indexes.ascending("publicationState"), Indexes.ascending("seq")));
        Log.infof("MongoDB indexes of %s are in place", database.getName());
    }

    MongoCollection<Document> get(String name) {
        return database.getCollection(name);
    }

    /**
     * Counts with the {@code count} command rather than {@code countDocuments}: both servers answer it from the
     * filter's index, while {@code countDocuments} is an aggregation, which the embedded server runs as a scan.
     */
    long count(String name, Bson filter) {
        return database.runCommand(new Document("count", name).append("query", filter.toBsonDocument()))
                .get("n", Number.class).longValue();
    }
}
