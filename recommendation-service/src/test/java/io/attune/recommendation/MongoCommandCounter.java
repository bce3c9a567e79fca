package io.attune.recommendation;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * Counts the commands the service sends to MongoDB, one per round trip, by command, collection and caller (the
 * score consumer, or the outbox relay). Quarkus registers every {@link CommandListener} of the application with the
 * MongoDB client, so this sees every command of the service under test.
 */
public class MongoCommandCounter implements CommandListener {

    private static final Map<String, LongAdder> COUNTS = new ConcurrentHashMap<>();

    @Override
    public void commandStarted(CommandStartedEvent event) {
        String command = event.getCommandName();
        if (!event.getDatabaseName().startsWith("attune-recommendation")) {
            return;
        }
        BsonValue target = event.getCommand().get(command);
        String collection = target != null && target.isString() ? target.asString().getValue() : "-";
        COUNTS.computeIfAbsent(caller(command, event.getCommand()) + " " + command + " " + collection, k -> new LongAdder())
                .increment();
    }

    /** The relay's reads filter on outboxCount and its acknowledgements pull from the outbox. */
    private static String caller(String name, BsonDocument command) {
        String json = command.toJson();
        return name.equals("find") && json.contains("outboxCount") || json.contains("$pull") ? "relay" : "other";
    }

    public static void reset() {
        COUNTS.clear();
    }

    /** Commands by "caller command collection". */
    public static Map<String, Long> counts() {
        Map<String, Long> copy = new TreeMap<>();
        COUNTS.forEach((k, v) -> copy.put(k, v.sum()));
        return copy;
    }

    public static long total(String caller) {
        return counts().entrySet().stream().filter(e -> e.getKey().startsWith(caller + " "))
                .mapToLong(Map.Entry::getValue).sum();
    }
}
