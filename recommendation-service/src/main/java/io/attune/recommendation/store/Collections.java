package io.attune.recommendation.store;

import jakarta.enterprise.context.ApplicationScoped;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The collections of {@code attune-recommendation}, and the indexes behind every query path. */
@ApplicationScoped
public class Collections {

    static final String EXERCISES = "exercises";
    static final String RECOMMENDATIONS = "recommendations";
    static final String PROFILES = "profiles";
    static final String ALERTS = "alerts";
    static final String ERASURE_MARKERS = "erasure_markers";
    static final String CLIENT_ACCESS = "client_access";
    static final String ASSESSMENTS = "assessments";

    private final MongoDatabase database;

    public Collections(MongoClient client, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.database = client.getDatabase(database);
    }

    /** Called once at start-up, before the catalog is seeded. */
    public void createIndexes() {
        MongoCollection<Document> recommendations = get(RECOMMENDATIONS);
        // Listing per client and status, newest first.
        recommendations.createIndex(Indexes.compoundIndex(Indexes.ascending("clientId"), Indexes.ascending("status"),
                Indexes.descending("issuedAt"), Indexes.descending("_id")));
        recommendations.createIndex(Indexes.compoundIndex(Indexes.ascending("clientId"),
                Indexes.descending("issuedAt"), Indexes.descending("_id")));
        // Outbox relay: documents with unpublished events.
        recommendations.createIndex(Indexes.ascending("outboxCount"));
        get(ERASURE_MARKERS).createIndex(Indexes.ascending("expiresAt"));
        get(ASSESSMENTS).createIndex(Indexes.ascending("clientId"));
        // A coach's roster: the clients of a tenant assigned to the coach.
        get(CLIENT_ACCESS).createIndex(Indexes.compoundIndex(Indexes.ascending("tenant"), Indexes.ascending("coaches")));
        get(ALERTS).createIndex(Indexes.compoundIndex(Indexes.ascending("clientId"), Indexes.descending("raisedAt")));
    }

    MongoCollection<Document> get(String name) {
        return database.getCollection(name);
    }
}
