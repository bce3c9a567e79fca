package io.attune.infra.stack.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;

/**
 * The indexed backends (memory and H2) answer every query exactly like the library's plain memory backend, which
 * scans, and they answer the indexable ones through an index, reading only the documents the index points at.
 * The same holds after a long random run of updates, deletes, upserts, findOneAndUpdate, replaceOne and
 * bulkWrite, after a collection is dropped and rebuilt, and after an H2 file is reopened.
 */
class IndexedBackendTest {

    private static final String DOCS = "docs";
    private static final String KEYS = "keys";
    private static final int DOCUMENTS = 2000;
    private static final long BASE = Date.parse("Jan 1, 2026 00:00:00 GMT");
    private static final String[] STATUSES = {"OPEN", "ACCEPTED", "COMPLETED", "DISMISSED"};
    private static final String[] TAGS = {"a", "b", "c", "d"};

    private static MongoFixture plain;
    private static MongoFixture memory;
    private static MongoFixture h2;

    /** A query, how the indexed backends must run it (null: no index applies), and a bound on documents read. */
    record Case(String name, Bson filter, Bson sort, int skip, int limit, String index,
            Function<Integer, Long> maxExamined) {
    }

    @BeforeAll
    static void start() {
        plain = MongoFixture.plain();
        memory = MongoFixture.indexedMemory();
        h2 = MongoFixture.indexedH2();
    }

    @AfterAll
    static void stop() {
        plain.close();
        memory.close();
        h2.close();
    }

    @BeforeEach
    void load() {
        for (MongoFixture fixture : List.of(plain, memory, h2)) {
            MongoDatabase db = fixture.db();
            db.getCollection(DOCS).drop();
            db.getCollection(KEYS).drop();
            createIndexes(db);
            Random random = new Random(42);
            List<Document> docs = new ArrayList<>();
            for (int i = 0; i < DOCUMENTS; i++) {
                docs.add(randomDocument(random, "d" + String.format("%05d", i), i));
            }
            db.getCollection(DOCS).insertMany(docs);
            List<Document> keys = new ArrayList<>();
            for (int i = 0; i < 600; i++) {
                keys.add(new Document("_id", "k" + i).append("clientId", "c" + (i % 40)).append("key", "key-" + i)
                        .append("expiresAt", new Date(BASE + (i % 97) * 60_000L)));
            }
            db.getCollection(KEYS).insertMany(keys);
        }
    }

    private static void createIndexes(MongoDatabase db) {
        MongoCollection<Document> docs = db.getCollection(DOCS);
        docs.createIndex(Indexes.compoundIndex(Indexes.ascending("clientId"), Indexes.descending("occurredAt"),
                Indexes.descending("_id")));
        docs.createIndex(Indexes.compoundIndex(Indexes.ascending("status"), Indexes.ascending("seq")));
        docs.createIndex(Indexes.ascending("tags"));
        docs.createIndex(Indexes.ascending("level"));
        docs.createIndex(Indexes.compoundIndex(Indexes.ascending("profile.tier"), Indexes.descending("score")));
        docs.createIndex(Indexes.ascending("outboxCount"), new IndexOptions().sparse(true));
        MongoCollection<Document> keys = db.getCollection(KEYS);
        keys.createIndex(Indexes.compoundIndex(Indexes.ascending("clientId"), Indexes.ascending("key")),
                new IndexOptions().unique(true));
        keys.createIndex(Indexes.ascending("expiresAt"));
    }

    private static Document randomDocument(Random random, String id, int seq) {
        Document doc = new Document("_id", id)
                .append("clientId", "c" + String.format("%02d", random.nextInt(40)))
                .append("status", STATUSES[random.nextInt(STATUSES.length)])
                .append("seq", seq)
                // Minutes only, so many documents share an occurrence time and the _id breaks the tie.
                .append("occurredAt", new Date(BASE + random.nextInt(500) * 60_000L));
        int shape = random.nextInt(10);
        if (shape < 7) {
            List<String> tags = new ArrayList<>();
            for (String tag : TAGS) {
                if (random.nextBoolean()) {
                    tags.add(tag);
                }
            }
            doc.append("tags", tags); // sometimes empty
        } else if (shape == 7) {
            doc.append("tags", TAGS[random.nextInt(TAGS.length)]); // a scalar in a multikey field
        }
        // Mixed types in one field: type order must not hide numbers from string ranges or the reverse.
        doc.append("level", random.nextInt(4) == 0 ? "l" + random.nextInt(20) : (Object) random.nextInt(10));
        int scoreShape = random.nextInt(10);
        if (scoreShape < 7) {
            doc.append("score", Math.round(random.nextDouble() * 100) / 100.0);
        } else if (scoreShape == 7) {
            doc.append("score", null);
        }
        if (random.nextInt(3) > 0) {
            doc.append("profile", new Document("tier", random.nextInt(4)));
        }
        if (random.nextInt(5) == 0) {
            doc.append("outboxCount", random.nextInt(3));
        }
        return doc;
    }

    private static Function<Integer, Long> exact() {
        return matched -> (long) matched;
    }

    private static Function<Integer, Long> atMost(long n) {
        return matched -> n;
    }

    static List<Case> cases() {
        Date t100 = new Date(BASE + 100 * 60_000L);
        Date t300 = new Date(BASE + 300 * 60_000L);
        String byClient = "clientId_1_occurredAt_-1__id_-1";
        String byStatus = "status_1_seq_1";
        return List.of(
                new Case("equality on a compound prefix", Filters.eq("clientId", "c07"), null, 0, 0, byClient, exact()),
                new Case("prefix and range, sorted and limited", Filters.and(Filters.eq("clientId", "c07"),
                        Filters.gte("occurredAt", t100), Filters.lt("occurredAt", t300)),
                        Sorts.descending("occurredAt", "_id"), 0, 11, byClient, atMost(11)),
                new Case("keyset page after (occurredAt, _id)", Filters.and(Filters.eq("clientId", "c11"),
                        Filters.or(Filters.lt("occurredAt", t300),
                                Filters.and(Filters.eq("occurredAt", t300), Filters.lt("_id", "d01500")))),
                        Sorts.descending("occurredAt", "_id"), 0, 6, byClient, atMost(200)),
                new Case("equality then sort on the next key", Filters.eq("status", "OPEN"), Sorts.ascending("seq"),
                        0, 10, byStatus, atMost(10)),
                new Case("reverse sort with skip", Filters.eq("status", "ACCEPTED"), Sorts.descending("seq"), 3, 7,
                        byStatus, atMost(10)),
                new Case("$in on the leading key", Filters.in("status", "OPEN", "DISMISSED"), null, 0, 0, byStatus,
                        exact()),
                new Case("$in then sort (not ordered: two ranges)", Filters.in("status", "OPEN", "DISMISSED"),
                        Sorts.ascending("seq"), 0, 5, byStatus, atMost(DOCUMENTS)),
                new Case("equality and range on a compound index", Filters.and(Filters.eq("status", "COMPLETED"),
                        Filters.gt("seq", 1000), Filters.lte("seq", 2000)), null, 0, 0, byStatus, exact()),
                new Case("range without a leading-key index scans", Filters.and(Filters.gt("seq", 100),
                        Filters.lte("seq", 200)), null, 0, 0, null, null),
                new Case("multikey equality", Filters.eq("tags", "b"), null, 0, 0, "tags_1", exact()),
                new Case("multikey $in", Filters.in("tags", "a", "d"), null, 0, 0, "tags_1", atMost(DOCUMENTS)),
                new Case("multikey one-sided range", Filters.gt("tags", "b"), null, 0, 0, "tags_1", atMost(DOCUMENTS)),
                new Case("multikey two-sided range", Filters.and(Filters.gt("tags", "a"), Filters.lt("tags", "c")),
                        null, 0, 0, "tags_1", atMost(DOCUMENTS)),
                new Case("numeric range over mixed types", Filters.gt("level", 3), null, 0, 0, "level_1",
                        atMost(DOCUMENTS)),
                new Case("string range over mixed types", Filters.lt("level", "l5"), null, 0, 0, "level_1",
                        atMost(DOCUMENTS)),
                // Scores repeat: the _id makes the order total, so both backends must agree on it.
                new Case("dotted compound key, sorted on the second key", Filters.eq("profile.tier", 2),
                        Sorts.orderBy(Sorts.descending("score"), Sorts.ascending("_id")), 0, 0,
                        "profile.tier_1_score_-1", exact()),
                new Case("sparse index range", Filters.gt("outboxCount", 0), Sorts.ascending("seq"), 0, 0,
                        "outboxCount_1", exact()),
                new Case("null matches missing fields: not indexable", Filters.eq("score", null), null, 0, 0, null,
                        null),
                new Case("$exists false: not indexable", Filters.exists("outboxCount", false), null, 0, 0, null, null),
                new Case("_id plus another field", Filters.and(Filters.eq("_id", "d00042"),
                        Filters.eq("clientId", "c01")), null, 0, 0, "_id_", atMost(1)),
                new Case("_id $in", Filters.in("_id", "d00001", "d00500", "d01999", "nope"), null, 0, 0, "_id_",
                        atMost(3)),
                new Case("sort only, limited: walks the _id index", new Document(), Sorts.ascending("_id"), 0, 5,
                        "_id_", atMost(5)),
                new Case("sort only, reversed", new Document(), Sorts.descending("_id"), 2, 5, "_id_", atMost(7)),
                new Case("top-level $or is not indexable", Filters.or(Filters.eq("status", "OPEN"),
                        Filters.eq("clientId", "c01")), null, 0, 0, null, null),
                new Case("$and with equality on both indexes", Filters.and(Filters.eq("clientId", "c03"),
                        Filters.eq("status", "OPEN")), null, 0, 0, null, atMost(DOCUMENTS / 3)));
    }

    static List<Case> keyCases() {
        return List.of(
                new Case("unique compound point", Filters.and(Filters.eq("clientId", "c5"), Filters.eq("key", "key-45")),
                        null, 0, 0, "clientId_1_key_1", atMost(1)),
                new Case("unique compound prefix", Filters.eq("clientId", "c5"), null, 0, 0, "clientId_1_key_1",
                        exact()),
                new Case("range on a date", Filters.lt("expiresAt", new Date(BASE + 10 * 60_000L)), null, 0, 0,
                        "expiresAt_1", exact()));
    }

    private static List<Document> run(MongoFixture fixture, String collection, Case c) {
        FindIterable<Document> find = fixture.db().getCollection(collection).find(c.filter());
        if (c.sort() != null) {
            find.sort(c.sort());
        }
        if (c.skip() > 0) {
            find.skip(c.skip());
        }
        if (c.limit() > 0) {
            find.limit(c.limit());
        }
        List<Document> result = find.into(new ArrayList<>());
        if (c.sort() == null) {
            result.sort(Comparator.comparing(doc -> doc.getString("_id")));
        }
        return result;
    }

    private static void assertSameAnswers() {
        check(DOCS, cases());
        check(KEYS, keyCases());
    }

    private static void check(String collection, List<Case> cases) {
        for (Case c : cases) {
            List<Document> expected = run(plain, collection, c);
            for (MongoFixture indexed : List.of(memory, h2)) {
                indexed.clearExecutions();
                List<Document> actual = run(indexed, collection, c);
                // Ids first: a readable difference when a document is missing or extra.
                assertThat(actual).extracting(doc -> doc.getString("_id")).as(c.name())
                        .containsExactlyInAnyOrderElementsOf(expected.stream().map(doc -> doc.getString("_id")).toList());
                assertThat(actual).as(c.name()).isEqualTo(expected);
                List<MongoFixture.Execution> executions = indexed.executions(collection);
                assertThat(executions).as(c.name()).hasSize(1);
                MongoFixture.Execution execution = executions.get(0);
                if (c.index() == null && c.maxExamined() == null) {
                    assertThat(execution.plan()).as(c.name()).isEqualTo("COLLSCAN");
                    continue;
                }
                assertThat(execution.plan()).as(c.name()).startsWith("IXSCAN");
                if (c.index() != null) {
                    assertThat(execution.plan()).as(c.name()).startsWith("IXSCAN " + c.index());
                }
                long total = plain.db().getCollection(collection).countDocuments();
                long bound = c.maxExamined().apply(expected.size());
                assertThat(execution.documentsExamined()).as(c.name() + " (" + execution.plan() + ")")
                        .isLessThanOrEqualTo(bound);
                if (total > 100 && expected.size() < total) {
                    assertThat(execution.documentsExamined()).as(c.name()).isLessThan(total);
                }
            }
        }
    }

    @Test
    void indexedBackendsAnswerLikeAScanAndReadOnlyWhatTheIndexSelects() {
        assertSameAnswers();
    }

    @Test
    void orderedPlansStopAtTheLimit() {
        memory.clearExecutions();
        memory.db().getCollection(DOCS).find(Filters.eq("status", "OPEN")).sort(Sorts.ascending("seq")).limit(3)
                .into(new ArrayList<>());
        MongoFixture.Execution execution = memory.executions(DOCS).get(0);
        assertThat(execution.plan()).isEqualTo("IXSCAN status_1_seq_1 ordered");
        assertThat(execution.documentsExamined()).isEqualTo(3);
    }

    @Test
    void indexesStayConsistentThroughEveryKindOfWrite() {
        Random random = new Random(7);
        for (int round = 0; round < 6; round++) {
            List<Runnable> writes = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                writes.add(randomWrite(random, round * 1000 + i));
            }
            writes.forEach(Runnable::run);
            assertSameAnswers();
        }
    }

    /** One random write, applied identically to all three servers; results must agree too. */
    private static Runnable randomWrite(Random random, int n) {
        String id = "d" + String.format("%05d", random.nextInt(DOCUMENTS + 200));
        String client = "c" + String.format("%02d", random.nextInt(40));
        String status = STATUSES[random.nextInt(STATUSES.length)];
        Document fresh = randomDocument(new Random(n), id, 10_000 + n);
        int kind = random.nextInt(12);
        return () -> {
            List<Object> outcomes = new ArrayList<>();
            for (MongoFixture fixture : List.of(plain, memory, h2)) {
                MongoCollection<Document> docs = fixture.db().getCollection(DOCS);
                MongoCollection<Document> keys = fixture.db().getCollection(KEYS);
                try {
                    outcomes.add(write(kind, n, id, client, status, fresh, docs, keys));
                } catch (MongoException e) {
                    // A refused write ($push onto a scalar, a duplicate key) must be refused everywhere alike.
                    outcomes.add("error " + e.getCode());
                }
            }
            assertThat(outcomes.get(1)).as("write %d (kind %d) on memory", n, kind).isEqualTo(outcomes.get(0));
            assertThat(outcomes.get(2)).as("write %d (kind %d) on h2", n, kind).isEqualTo(outcomes.get(0));
        };
    }

    private static Object write(int kind, int n, String id, String client, String status, Document fresh,
            MongoCollection<Document> docs, MongoCollection<Document> keys) {
                return switch (kind) {
                    case 0 -> docs.updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("status", status),
                            Updates.set("seq", 20_000 + n), Updates.set("occurredAt", fresh.getDate("occurredAt"))))
                            .getModifiedCount();
                    case 1 -> docs.updateMany(Filters.eq("clientId", client), Updates.inc("seq", 100_000))
                            .getModifiedCount();
                    case 2 -> docs.updateOne(Filters.eq("_id", id), Updates.combine(Updates.unset("tags"),
                            Updates.unset("score"), Updates.set("outboxCount", n % 3))).getModifiedCount();
                    case 3 -> docs.updateOne(Filters.eq("_id", id), Updates.push("tags", "e")).getModifiedCount();
                    case 4 -> docs.deleteOne(Filters.eq("_id", id)).getDeletedCount();
                    case 5 -> docs.deleteMany(Filters.and(Filters.eq("clientId", client), Filters.eq("status", status)))
                            .getDeletedCount();
                    case 6 -> {
                        Document insert = new Document(fresh);
                        insert.remove("_id");
                        yield String.valueOf(docs.updateOne(Filters.eq("_id", id), new Document("$setOnInsert", insert),
                                new UpdateOptions().upsert(true)).getUpsertedId());
                    }
                    case 7 -> docs.findOneAndUpdate(Filters.and(Filters.eq("clientId", client),
                            Filters.in("status", "OPEN", "ACCEPTED")), Updates.set("status", "COMPLETED"),
                            new FindOneAndUpdateOptions().sort(Sorts.ascending("occurredAt", "_id"))
                                    .returnDocument(ReturnDocument.AFTER));
                    case 8 -> docs.replaceOne(Filters.eq("_id", id), fresh).getModifiedCount();
                    case 9 -> {
                        List<WriteModel<Document>> models = List.of(
                                new UpdateOneModel<>(Filters.eq("_id", id), Updates.set("level", "l" + n)),
                                // By _id: a deleteOne on a non-unique filter may pick any match, so the backends
                                // could diverge legitimately.
                                new DeleteOneModel<>(Filters.eq("_id", "d" + String.format("%05d", n % DOCUMENTS))),
                                new InsertOneModel<>(new Document(fresh).append("_id", "bulk" + n)),
                                new ReplaceOneModel<>(Filters.eq("_id", "bulk" + n), new Document(fresh)
                                        .append("_id", "bulk" + n).append("status", "DISMISSED")));
                        var result = docs.bulkWrite(models, new BulkWriteOptions().ordered(true));
                        yield result.getInsertedCount() + "/" + result.getModifiedCount() + "/"
                                + result.getDeletedCount();
                    }
                    case 10 -> {
                        // Mostly a duplicate unique key: refused, leaving the indexes as they were.
                        keys.insertOne(new Document("_id", "dup" + n).append("clientId", "c" + (n % 40))
                                .append("key", "key-" + (n % 40)));
                        yield "inserted";
                    }
                    default -> keys.updateMany(Filters.eq("clientId", "c" + (n % 40)),
                            Updates.set("expiresAt", fresh.getDate("occurredAt"))).getModifiedCount();
                };
    }

    @Test
    void droppedCollectionsStartWithEmptyIndexes() {
        for (MongoFixture fixture : List.of(plain, memory, h2)) {
            MongoDatabase db = fixture.db();
            db.getCollection(DOCS).drop();
            createIndexes(db);
            db.getCollection(DOCS).insertOne(new Document("_id", "only").append("clientId", "c07")
                    .append("status", "OPEN").append("seq", 1).append("occurredAt", new Date(BASE)));
        }
        assertSameAnswers();
        assertThat(memory.db().getCollection(DOCS).find(Filters.eq("clientId", "c07")).into(new ArrayList<>()))
                .extracting(doc -> doc.getString("_id")).containsExactly("only");
    }

    @Test
    void uniqueIndexesStillRefuseDuplicates() {
        for (MongoFixture fixture : List.of(memory, h2)) {
            MongoCollection<Document> keys = fixture.db().getCollection(KEYS);
            assertThatThrownBy(() -> keys.insertOne(new Document("_id", "again").append("clientId", "c5")
                    .append("key", "key-45"))).isInstanceOf(MongoWriteException.class)
                    .hasMessageContaining("E11000");
            assertThat(keys.countDocuments(Filters.eq("clientId", "c5"))).isEqualTo(15);
        }
    }

    @Test
    void reopenedH2FileRebuildsItsIndexes(@TempDir Path dir) {
        String file = dir.resolve("attune.mv").toString();
        IndexedH2Backend first = new IndexedH2Backend(file);
        try (MongoFixture fixture = new MongoFixture(first, null)) {
            createIndexes(fixture.db());
            fixture.db().getCollection(DOCS).insertMany(List.of(
                    new Document("_id", "x1").append("clientId", "c01").append("status", "OPEN").append("seq", 2),
                    new Document("_id", "x2").append("clientId", "c01").append("status", "OPEN").append("seq", 1),
                    new Document("_id", "x3").append("clientId", "c02").append("status", "DONE").append("seq", 3)));
        }
        first.close();
        MongoFixture.Recorder recorder = new MongoFixture.Recorder();
        try (MongoFixture reopened = new MongoFixture(new IndexedH2Backend(
                org.h2.mvstore.MVStore.open(file), recorder), recorder)) {
            List<Document> open = reopened.db().getCollection(DOCS).find(Filters.eq("status", "OPEN"))
                    .sort(Sorts.ascending("seq")).into(new ArrayList<>());
            assertThat(open).extracting(doc -> doc.getString("_id")).containsExactly("x2", "x1");
            assertThat(reopened.executions(DOCS)).extracting(MongoFixture.Execution::plan)
                    .containsExactly("IXSCAN status_1_seq_1 ordered");
        }
    }
}
