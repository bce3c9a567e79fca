package io.attune.infra.stack.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

/**
 * Every query the services make, built the way their store and relay classes build it (journal-service
 * {@code store/} and {@code OutboxRelay}; recommendation-service {@code store/} and {@code RecommendationRelay}),
 * against the indexes those services create, on collections holding thousands of documents: each one must be
 * served by an index and read only a handful of documents. When a service gains a query or an index, add it
 * here too (docs/architecture.md lists which index serves which query).
 */
class ServiceQueryShapesTest {

    private static final int CLIENTS = 100;
    private static final int PER_CLIENT = 30;
    private static final long BASE = Date.parse("Jan 1, 2026 00:00:00 GMT");
    /** A query may read its own results plus this many more before it is called a scan. */
    private static final int SLACK = 5;

    private MongoFixture fixture;

    @AfterEach
    void close() {
        fixture.close();
    }

    private void open(String backend) {
        fixture = backend.equals("h2") ? MongoFixture.indexedH2() : MongoFixture.indexedMemory();
        MongoDatabase db = fixture.db();
        journalIndexes(db);
        recommendationIndexes(db);
        load(db);
        fixture.clearExecutions();
    }

    /** As journal-service store/Collections#createIndexes. */
    private static void journalIndexes(MongoDatabase db) {
        for (String name : List.of("journal_entries", "conversations")) {
            MongoCollection<Document> material = db.getCollection(name);
            material.createIndex(Indexes.compoundIndex(Indexes.ascending("clientId"),
                    Indexes.descending("occurredAt"), Indexes.descending("_id")));
            material.createIndex(Indexes.compoundIndex(Indexes.ascending("publicationState"), Indexes.ascending("seq")));
        }
        db.getCollection("idempotency_keys").createIndex(Indexes.compoundIndex(Indexes.ascending("clientId"),
                Indexes.ascending("key")), new IndexOptions().unique(true));
        db.getCollection("idempotency_keys").createIndex(Indexes.ascending("expiresAt"));
        db.getCollection("erasures").createIndex(Indexes.compoundIndex(Indexes.ascending("publicationState"),
                Indexes.ascending("seq")));
    }

    /** As recommendation-service store/Collections#createIndexes. */
    private static void recommendationIndexes(MongoDatabase db) {
        MongoCollection<Document> recommendations = db.getCollection("recommendations");
        recommendations.createIndex(Indexes.compoundIndex(Indexes.ascending("clientId"), Indexes.ascending("status"),
                Indexes.descending("issuedAt"), Indexes.descending("_id")));
        recommendations.createIndex(Indexes.compoundIndex(Indexes.ascending("clientId"),
                Indexes.descending("issuedAt"), Indexes.descending("_id")));
        recommendations.createIndex(Indexes.ascending("outboxCount"));
        db.getCollection("erasure_markers").createIndex(Indexes.ascending("expiresAt"));
        db.getCollection("alerts").createIndex(Indexes.compoundIndex(Indexes.ascending("clientId"),
                Indexes.descending("raisedAt")));
    }

    private static String client(int i) {
        return "client-" + i;
    }

    private static Date at(int minutes) {
        return new Date(BASE + minutes * 60_000L);
    }

    private static void load(MongoDatabase db) {
        String[] statuses = {"ISSUED", "ACCEPTED", "COMPLETED", "DISMISSED", "EXPIRED"};
        List<Document> entries = new ArrayList<>();
        List<Document> conversations = new ArrayList<>();
        List<Document> keys = new ArrayList<>();
        List<Document> recommendations = new ArrayList<>();
        List<Document> alerts = new ArrayList<>();
        List<Document> profiles = new ArrayList<>();
        int seq = 0;
        for (int c = 0; c < CLIENTS; c++) {
            for (int i = 0; i < PER_CLIENT; i++) {
                seq++;
                String state = seq % 500 == 0 ? "PENDING" : "PUBLISHED";
                entries.add(new Document("_id", "j-" + c + "-" + i).append("clientId", client(c))
                        .append("occurredAt", at(i)).append("seq", (long) seq).append("publicationState", state));
                conversations.add(new Document("_id", "s-" + c + "-" + i).append("clientId", client(c))
                        .append("occurredAt", at(i)).append("seq", (long) seq).append("publicationState", state));
                keys.add(new Document("clientId", client(c)).append("key", "k-" + i)
                        .append("expiresAt", at(seq % 1000)));
                recommendations.add(new Document("_id", "r-" + c + "-" + i).append("clientId", client(c))
                        .append("status", statuses[i % statuses.length]).append("issuedAt", at(i))
                        .append("updatedAt", at(i)).append("outboxCount", seq % 700 == 0 ? 1 : 0)
                        .append("outbox", List.of()));
                if (i % 10 == 0) {
                    alerts.add(new Document("_id", "a-" + c + "-" + i).append("clientId", client(c))
                            .append("raisedAt", at(i)));
                }
            }
            profiles.add(new Document("_id", client(c)).append("scores", List.of())
                    .append("recordedScoreIds", List.of("x")).append("decidedScoreIds", List.of("x")));
        }
        db.getCollection("journal_entries").insertMany(entries);
        db.getCollection("conversations").insertMany(conversations);
        db.getCollection("idempotency_keys").insertMany(keys);
        db.getCollection("recommendations").insertMany(recommendations);
        db.getCollection("alerts").insertMany(alerts);
        db.getCollection("profiles").insertMany(profiles);
        db.getCollection("erasures").insertOne(new Document("_id", "e-1").append("clientId", client(1))
                .append("seq", 1L).append("publicationState", "PENDING"));
        db.getCollection("erasure_markers").insertOne(new Document("_id", "hash").append("expiresAt", at(5)));
        db.getCollection("counters").insertOne(new Document("_id", "outbox").append("value", (long) seq));
        db.getCollection("consents").insertOne(new Document("_id", client(3)).append("scoring", true));
        List<Document> catalog = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            catalog.add(new Document("_id", "exercise-" + i).append("catalogVersion", 1));
        }
        db.getCollection("exercises").insertMany(catalog);
    }

    /** Runs one service call and checks every query it made on the collection. */
    private void served(String collection, int maxExamined, Consumer<MongoDatabase> call) {
        fixture.clearExecutions();
        call.accept(fixture.db());
        List<MongoFixture.Execution> executions = fixture.executions(collection);
        assertThat(executions).as(collection).isNotEmpty();
        for (MongoFixture.Execution execution : executions) {
            assertThat(execution.plan()).as(collection).startsWith("IXSCAN");
            assertThat(execution.documentsExamined()).as(collection + " " + execution.plan())
                    .isLessThanOrEqualTo(maxExamined);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "h2"})
    void journalServiceQueriesAreIndexServed(String backend) {
        open(backend);
        String c = client(7);
        for (String name : List.of("journal_entries", "conversations")) {
            // MaterialStore#insertIfAbsent
            served(name, 1, db -> db.getCollection(name).updateOne(Filters.eq("_id", "new-1"),
                    new Document("$setOnInsert", new Document("clientId", c).append("occurredAt", at(99))
                            .append("seq", 99_999L).append("publicationState", "PENDING")),
                    new UpdateOptions().upsert(true)));
            // MaterialStore#find
            served(name, 1, db -> db.getCollection(name)
                    .find(Filters.and(Filters.eq("_id", "j-7-3"), Filters.eq("clientId", c))).first());
            // MaterialStore#list: first page with a window, then a page after a cursor
            served(name, 21 + SLACK, db -> db.getCollection(name).find(Filters.and(List.of(Filters.eq("clientId", c),
                    Filters.gte("occurredAt", at(0)), Filters.lt("occurredAt", at(1000)))))
                    .sort(Sorts.descending("occurredAt", "_id")).limit(21).into(new ArrayList<>()));
            served(name, 11 + SLACK, db -> db.getCollection(name).find(Filters.and(List.of(Filters.eq("clientId", c),
                    Filters.lte("occurredAt", at(20)), Filters.or(Filters.lt("occurredAt", at(20)), Filters.and(Filters.eq("occurredAt", at(20)),
                            Filters.lt("_id", "j-7-20"))))))
                    .sort(Sorts.descending("occurredAt", "_id")).limit(11).into(new ArrayList<>()));
            // MaterialStore#pending (outbox relay)
            served(name, 100, db -> db.getCollection(name).find(Filters.eq("publicationState", "PENDING"))
                    .sort(Sorts.ascending("seq")).limit(100).into(new ArrayList<>()));
            // MaterialStore#countPending (count command, index-served unlike countDocuments' aggregation)
            served(name, 100, db -> db.runCommand(new Document("count", name)
                    .append("query", Filters.eq("publicationState", "PENDING").toBsonDocument())));
            // MaterialStore#markPublished: the acknowledged part of a relay batch in one update
            served(name, 2, db -> db.getCollection(name).updateMany(Filters.in("_id", List.of("new-1", "j-7-1")),
                    Updates.combine(Updates.set("publicationState", "PUBLISHED"), Updates.set("publishedAt", at(100)))));
            // MaterialStore#deleteClient
            served(name, PER_CLIENT + 1, db -> db.getCollection(name).deleteMany(Filters.eq("clientId", client(9))));
        }
        // IdempotencyKeys#find, #removeExpired, #deleteClient
        served("idempotency_keys", 1, db -> db.getCollection("idempotency_keys")
                .find(Filters.and(Filters.eq("clientId", c), Filters.eq("key", "k-4"))).first());
        served("idempotency_keys", 20, db -> db.getCollection("idempotency_keys")
                .deleteMany(Filters.lt("expiresAt", at(5))));
        served("idempotency_keys", PER_CLIENT, db -> db.getCollection("idempotency_keys")
                .deleteMany(Filters.eq("clientId", client(8))));
        // ErasureStore#pending, #countPending, #published
        served("erasures", 1, db -> db.getCollection("erasures").find(Filters.eq("publicationState", "PENDING"))
                .sort(Sorts.ascending("seq")).limit(100).into(new ArrayList<>()));
        served("erasures", 1, db -> db.runCommand(new Document("count", "erasures")
                .append("query", Filters.eq("publicationState", "PENDING").toBsonDocument())));
        served("erasures", 1, db -> db.getCollection("erasures").deleteOne(Filters.eq("_id", "e-1")));
        // ConsentStore, Sequence
        served("consents", 1, db -> db.getCollection("consents").find(Filters.eq("_id", c)).first());
        served("consents", 1, db -> db.getCollection("consents").replaceOne(Filters.eq("_id", c),
                new Document("scoring", false), new ReplaceOptions().upsert(true)));
        served("consents", 1, db -> db.getCollection("consents").deleteOne(Filters.eq("_id", client(3))));
        served("counters", 1, db -> db.getCollection("counters").findOneAndUpdate(Filters.eq("_id", "outbox"),
                Updates.inc("value", 1L), new FindOneAndUpdateOptions().upsert(true)
                        .returnDocument(ReturnDocument.AFTER)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "h2"})
    void recommendationServiceQueriesAreIndexServed(String backend) {
        open(backend);
        String c = client(7);
        // RecommendationStore#issue
        served("recommendations", 1, db -> db.getCollection("recommendations").updateOne(Filters.eq("_id", "r-new"),
                new Document("$setOnInsert", new Document("clientId", c).append("status", "ISSUED")
                        .append("issuedAt", at(50)).append("updatedAt", at(50)).append("outboxCount", 1)
                        .append("outbox", List.of(new Document("eventId", "ev-1")))),
                new UpdateOptions().upsert(true)));
        // RecommendationStore#find
        served("recommendations", 1, db -> db.getCollection("recommendations")
                .find(Filters.and(Filters.eq("_id", "r-7-3"), Filters.eq("clientId", c))).first());
        // RecommendationStore#list, with and without a status, first page and after a cursor
        served("recommendations", 21 + SLACK, db -> db.getCollection("recommendations")
                .find(Filters.and(List.of(Filters.eq("clientId", c)))).sort(Sorts.descending("issuedAt", "_id"))
                .limit(21).into(new ArrayList<>()));
        served("recommendations", 21 + SLACK, db -> db.getCollection("recommendations")
                .find(Filters.and(List.of(Filters.eq("clientId", c), Filters.eq("status", "ISSUED"),
                        Filters.lte("issuedAt", at(20)), Filters.or(Filters.lt("issuedAt", at(20)), Filters.and(Filters.eq("issuedAt", at(20)),
                                Filters.lt("_id", "r-7-20")))))).sort(Sorts.descending("issuedAt", "_id"))
                .limit(21).into(new ArrayList<>()));
        // RecommendationStore#open and #feedbackStats
        served("recommendations", PER_CLIENT, db -> db.getCollection("recommendations")
                .find(Filters.and(Filters.eq("clientId", c), Filters.in("status", List.of("ISSUED", "ACCEPTED"))))
                .sort(Sorts.ascending("issuedAt", "_id")).into(new ArrayList<>()));
        served("recommendations", PER_CLIENT, db -> db.getCollection("recommendations")
                .find(Filters.and(Filters.eq("clientId", c), Filters.in("status", List.of("COMPLETED", "DISMISSED"))))
                .into(new ArrayList<>()));
        // RecommendationStore#transition
        served("recommendations", 1, db -> db.getCollection("recommendations").findOneAndUpdate(
                Filters.and(Filters.eq("_id", "r-7-0"), Filters.eq("clientId", c),
                        Filters.in("status", List.of("ISSUED"))),
                Updates.combine(Updates.set("status", "ACCEPTED"), Updates.set("updatedAt", at(60)),
                        Updates.push("outbox", new Document("eventId", "ev-2")), Updates.inc("outboxCount", 1)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)));
        // RecommendationStore#pendingEvents (relay) and #eventPublished
        served("recommendations", 10, db -> db.getCollection("recommendations").find(Filters.gt("outboxCount", 0))
                .sort(Sorts.ascending("updatedAt")).limit(200).into(new ArrayList<>()));
        served("recommendations", 1, db -> db.getCollection("recommendations").updateOne(
                Filters.and(Filters.eq("_id", "r-new"), Filters.eq("outbox.eventId", "ev-1")),
                Updates.combine(Updates.pull("outbox", new Document("eventId", "ev-1")), Updates.inc("outboxCount", -1))));
        // RecommendationStore#deleteClient
        served("recommendations", PER_CLIENT, db -> db.getCollection("recommendations")
                .deleteMany(Filters.eq("clientId", client(9))));
        // ProfileStore#record, #isDecided, #markDecided, #history, #delete
        served("profiles", 1, db -> db.getCollection("profiles").updateOne(
                Filters.and(Filters.eq("_id", c), Filters.ne("recordedScoreIds", "score-1")),
                Updates.combine(Updates.pushEach("scores", List.of(new Document("scoreId", "score-1")),
                        new PushOptions().slice(-50)), Updates.pushEach("recordedScoreIds", List.of("score-1"),
                        new PushOptions().slice(-1000))), new UpdateOptions().upsert(true)));
        served("profiles", 1, db -> db.getCollection("profiles")
                .find(Filters.and(Filters.eq("_id", c), Filters.eq("decidedScoreIds", "score-1"))).first());
        served("profiles", 1, db -> db.getCollection("profiles").updateOne(Filters.eq("_id", c),
                Updates.pushEach("decidedScoreIds", List.of("score-1"), new PushOptions().slice(-1000))));
        served("profiles", 1, db -> db.getCollection("profiles").find(Filters.eq("_id", c)).first());
        served("profiles", 1, db -> db.getCollection("profiles").deleteOne(Filters.eq("_id", client(9))));
        // Batch consumption: ProfileStore#load, #recordAll, #markAllDecided; RecommendationStore#stateOf, #writeAll;
        // AlertStore#raiseAll; ErasureMarkers#erasedAt(Collection)
        List<String> batch = List.of(client(11), client(12), client(13));
        served("profiles", batch.size(), db -> db.getCollection("profiles").find(Filters.in("_id", batch))
                .into(new ArrayList<>()));
        served("profiles", 1, db -> db.getCollection("profiles").bulkWrite(List.of(
                new UpdateOneModel<>(Filters.and(Filters.eq("_id", client(11)), Filters.eq("version", null)),
                        Updates.combine(Updates.pushEach("scores", List.of(new Document("scoreId", "score-2")),
                                new PushOptions().slice(-50)), Updates.set("version", "v1"))),
                new UpdateOneModel<>(Filters.eq("_id", client(12)), Updates.combine(Updates.pushEach(
                        "decidedScoreIds", List.of("score-3"), new PushOptions().slice(-1000)),
                        Updates.set("version", "v2")))), new BulkWriteOptions().ordered(false)));
        served("recommendations", batch.size() * PER_CLIENT, db -> db.getCollection("recommendations")
                .find(Filters.and(Filters.in("clientId", batch),
                        Filters.in("status", List.of("ISSUED", "ACCEPTED", "COMPLETED", "DISMISSED"))))
                .into(new ArrayList<>()));
        served("recommendations", 1, db -> db.getCollection("recommendations").bulkWrite(List.of(
                new UpdateOneModel<>(Filters.eq("_id", "r-batch"), new Document("$setOnInsert",
                        new Document("clientId", c).append("status", "ISSUED").append("outboxCount", 1)),
                        new UpdateOptions().upsert(true)),
                new UpdateOneModel<>(Filters.and(Filters.eq("_id", "r-7-1"), Filters.eq("clientId", c),
                        Filters.in("status", List.of("ISSUED", "ACCEPTED"))),
                        Updates.combine(Updates.set("status", "EXPIRED"), Updates.inc("outboxCount", 1))))));
        served("alerts", 1, db -> db.getCollection("alerts").bulkWrite(List.of(new UpdateOneModel<>(
                Filters.eq("_id", "a-batch"), Updates.setOnInsert("clientId", c), new UpdateOptions().upsert(true))),
                new BulkWriteOptions().ordered(false)));
        served("erasure_markers", 1, db -> db.getCollection("erasure_markers")
                .find(Filters.in("_id", List.of("hash", "other-hash"))).into(new ArrayList<>()));
        // AlertStore
        served("alerts", 1, db -> db.getCollection("alerts").replaceOne(Filters.eq("_id", "a-new"),
                new Document("clientId", c).append("raisedAt", at(70)), new ReplaceOptions().upsert(true)));
        served("alerts", 10, db -> db.getCollection("alerts").find(Filters.eq("clientId", c))
                .sort(Sorts.descending("raisedAt")).limit(10).into(new ArrayList<>()));
        served("alerts", 10, db -> db.getCollection("alerts").deleteMany(Filters.eq("clientId", client(9))));
        // ErasureMarkers
        served("erasure_markers", 1, db -> db.getCollection("erasure_markers").updateOne(Filters.eq("_id", "h2"),
                Updates.set("expiresAt", at(9)), new UpdateOptions().upsert(true)));
        served("erasure_markers", 1, db -> db.getCollection("erasure_markers").find(Filters.eq("_id", "h2")).first());
        served("erasure_markers", 2, db -> db.getCollection("erasure_markers")
                .deleteMany(Filters.lt("expiresAt", at(6))));
        // ExerciseStore: the catalog in id order (all of it), one by id, conditional replace
        served("exercises", 24, db -> db.getCollection("exercises").find().sort(Sorts.ascending("_id"))
                .into(new ArrayList<>()));
        served("exercises", 1, db -> db.getCollection("exercises").find(Filters.eq("_id", "exercise-3")).first());
        served("exercises", 1, db -> db.getCollection("exercises").replaceOne(Filters.and(
                Filters.eq("_id", "exercise-3"), Filters.lt("catalogVersion", 2)),
                new Document("catalogVersion", 2)));
    }

}
