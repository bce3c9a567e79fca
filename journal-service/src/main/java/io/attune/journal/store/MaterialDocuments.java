package io.attune.journal.store;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import io.attune.journal.ConversationSample;
import io.attune.journal.Context;
import io.attune.journal.EmotionTag;
import io.attune.journal.JournalEntry;
import io.attune.journal.Material;
import io.attune.journal.PublicationState;
import io.attune.journal.Relationship;
import io.attune.journal.Turn;
import org.bson.Document;

/** Maps materials to and from their stored form. */
final class MaterialDocuments {

    private MaterialDocuments() {
    }

    static Document toDocument(Material material, long seq) {
        Document doc = new Document("_id", material.id())
                .append("clientId", material.clientId())
                .append("locale", material.locale())
                .append("occurredAt", Date.from(material.occurredAt()))
                .append("recordedAt", Date.from(material.recordedAt()))
                .append("seq", seq)
                .append("publicationState", material.publication().name());
        if (material instanceof JournalEntry entry) {
            doc.append("context", entry.context().name())
                    .append("text", entry.text())
                    .append("emotions", entry.emotions().stream()
                            .map(tag -> new Document("label", tag.label()).append("intensity", tag.intensity()))
                            .toList());
        } else if (material instanceof ConversationSample sample) {
            doc.append("relationship", sample.relationship().name())
                    .append("clientSpeaker", sample.clientSpeaker())
                    .append("turns", sample.turns().stream()
                            .map(turn -> new Document("speaker", turn.speaker()).append("text", turn.text()))
                            .toList());
        }
        return doc;
    }

    static JournalEntry toJournalEntry(Document doc) {
        List<EmotionTag> emotions = doc.getList("emotions", Document.class, List.of()).stream()
                .map(tag -> new EmotionTag(tag.getString("label"), tag.getInteger("intensity")))
                .toList();
        return new JournalEntry(doc.getString("_id"), doc.getString("clientId"),
                Context.valueOf(doc.getString("context")), doc.getString("text"), emotions,
                doc.getString("locale"), instant(doc, "occurredAt"), instant(doc, "recordedAt"),
                PublicationState.valueOf(doc.getString("publicationState")));
    }

    static ConversationSample toConversationSample(Document doc) {
        List<Turn> turns = doc.getList("turns", Document.class, List.of()).stream()
                .map(turn -> new Turn(turn.getString("speaker"), turn.getString("text")))
                .toList();
        return new ConversationSample(doc.getString("_id"), doc.getString("clientId"),
                Relationship.valueOf(doc.getString("relationship")), doc.getString("clientSpeaker"), turns,
                doc.getString("locale"), instant(doc, "occurredAt"), instant(doc, "recordedAt"),
                PublicationState.valueOf(doc.getString("publicationState")));
    }

    static Instant instant(Document doc, String field) {
        Date date = doc.getDate(field);
        return date == null ? null : date.toInstant();
    }
}
