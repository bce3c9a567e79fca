package io.attune.infra.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the launcher's server keeps besides the services' own collections. A delete (an erasure) must leave no copy
 * of the document on the server, and the store must not grow with bookkeeping nobody reads: the library's oplog,
 * when enabled, kept every write in full, forever, in {@code local.oplog.rs}.
 */
class MongoLauncherTest {

    private static final String WORDS = "words-that-an-erasure-must-remove";

    @TempDir
    Path dataDir;

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aDeletedDocumentLeavesNoCopyOnTheServer(boolean persist) throws Exception {
        MongoServer server = MongoLauncher.start(
                Map.of("port", "0", "persist", String.valueOf(persist), "data-dir", dataDir.toString()));
        try (MongoClient client = MongoClients.create(
                "mongodb://127.0.0.1:" + server.getLocalAddress().getPort() + "/?uuidRepresentation=standard")) {
            var entries = client.getDatabase("attune-journal").getCollection("journal_entries");
            entries.insertOne(new Document("_id", "e1").append("clientId", "c1").append("text", WORDS));
            entries.updateOne(Filters.eq("_id", "e1"), Updates.set("note", WORDS));
            entries.deleteOne(Filters.eq("_id", "e1"));

            assertThat(documentsHolding(client, WORDS)).isEmpty();
            assertThat(client.listDatabaseNames().into(new ArrayList<>())).containsExactly("attune-journal");
        } finally {
            server.shutdownNow();
        }
    }

    private static List<String> documentsHolding(MongoClient client, String words) {
        List<String> found = new ArrayList<>();
        for (String databaseName : client.listDatabaseNames()) {
            MongoDatabase database = client.getDatabase(databaseName);
            for (String collection : database.listCollectionNames()) {
                for (Document document : database.getCollection(collection).find()) {
                    if (document.toJson().contains(words)) {
                        found.add(databaseName + "." + collection);
                    }
                }
            }
        }
        return found;
    }
}
