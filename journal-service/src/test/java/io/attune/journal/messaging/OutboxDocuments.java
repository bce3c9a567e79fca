package io.attune.journal.messaging;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;

/**
 * Writes outbox documents straight into MongoDB, in their stored form, as an earlier instance of the service
 * would have left them when it stopped before publishing.
 */
final class OutboxDocuments {

    private OutboxDocuments() {
    }

    static String insertPendingEntry(MongoDatabase db, String clientId, String text) {
        String id = UUID.randomUUID().toString();
        Date now = Date.from(Instant.now());
        db.getCollection("journal_entries").insertOne(new Document("_id", id)
                .append("clientId", clientId).append("locale", "en").append("occurredAt", now).append("recordedAt", now)
                .append("seq", nextSeq(db)).append("publicationState", "PENDING")
                .append("context", "SELF").append("text", text)
                .append("emotions", List.of(new Document("label", "uneasy").append("intensity", 4))));
        return id;
    }

    static String insertPendingConversation(MongoDatabase db, String clientId, String text) {
        String id = UUID.randomUUID().toString();
        Date now = Date.from(Instant.now());
        db.getCollection("conversations").insertOne(new Document("_id", id)
                .append("clientId", clientId).append("locale", "en").append("occurredAt", now).append("recordedAt", now)
                .append("seq", nextSeq(db)).append("publicationState", "PENDING")
                .append("relationship", "FRIEND").append("clientSpeaker", "Me")
                .append("turns", List.of(new Document("speaker", "Them").append("text", "I failed the exam."),
                        new Document("speaker", "Me").append("text", text))));
        return id;
    }

    static String state(MongoDatabase db, String collection, String id) {
        Document doc = db.getCollection(collection).find(Filters.eq("_id", id)).first();
        return doc == null ? null : doc.getString("publicationState");
    }

    /** The same counter the service orders its outbox by. */
    private static long nextSeq(MongoDatabase db) {
        Document counter = db.getCollection("counters").findOneAndUpdate(Filters.eq("_id", "outbox"), Updates.inc("value", 1L),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        return ((Number) counter.get("value")).longValue();
    }
}
