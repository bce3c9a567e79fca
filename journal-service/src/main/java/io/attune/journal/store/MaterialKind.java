package io.attune.journal.store;

import java.util.function.Function;

import io.attune.journal.JournalEntry;
import io.attune.journal.Material;
import org.bson.Document;

/** The two kinds of material, each in its own collection. */
public enum MaterialKind {
    JOURNAL_ENTRY(Collections.JOURNAL_ENTRIES, MaterialDocuments::toJournalEntry),
    CONVERSATION(Collections.CONVERSATIONS, MaterialDocuments::toConversationSample);

    final String collection;
    final Function<Document, ? extends Material> reader;

    MaterialKind(String collection, Function<Document, ? extends Material> reader) {
        this.collection = collection;
        this.reader = reader;
    }

    public static MaterialKind of(Material material) {
        return material instanceof JournalEntry ? JOURNAL_ENTRY : CONVERSATION;
    }

    Material read(Document doc) {
        return reader.apply(doc);
    }
}
