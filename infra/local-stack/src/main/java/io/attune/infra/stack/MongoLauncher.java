package io.attune.infra.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import io.attune.infra.stack.mongo.IndexedH2Backend;
import io.attune.infra.stack.mongo.IndexedMemoryBackend;

/**
 * Runs the MongoDB wire-protocol server (mongo-java-server) that stands in for MongoDB locally and in tests.
 *
 * <p>Usage: {@code MongoLauncher [--port 27017] [--persist false] [--data-dir .run/mongo]}.
 * The memory backend is the default; {@code --persist true} keeps data in an H2 file under the data directory.
 * Both backends are the indexed variants from {@code io.attune.infra.stack.mongo}, so the indexes the services
 * create serve their queries instead of being ignored.
 */
public final class MongoLauncher {

    private MongoLauncher() {
    }

    public static void main(String[] args) throws Exception {
        MongoServer server = start(LauncherArgs.parse(args));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdown();
            stopped.countDown();
        }, "mongo-shutdown"));
        stopped.await();
    }

    /** Starts the server the options describe, bound to 127.0.0.1 ({@code --port 0} takes a free port). */
    static MongoServer start(Map<String, String> options) throws IOException {
        int port = Integer.parseInt(options.getOrDefault("port", "27017"));
        boolean persist = Boolean.parseBoolean(options.getOrDefault("persist", "false"));
        Path dataDir = Path.of(options.getOrDefault("data-dir", ".run/mongo")).toAbsolutePath();

        MongoBackend backend;
        if (persist) {
            Files.createDirectories(dataDir);
            backend = new IndexedH2Backend(dataDir.resolve("attune.mv").toString());
        } else {
            backend = new IndexedMemoryBackend();
        }
        // No oplog (server.enableOplog()): nothing here uses change streams (docs/operations.md), and the library's
        // oplog is an uncapped collection holding a copy of every write, journal text included, that erasure never
        // reached; it took nearly half the memory backend's heap.
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", port);
        System.out.printf("mongo-java-server listening on 127.0.0.1:%d (%s backend)%n",
                server.getLocalAddress().getPort(), persist ? "h2" : "memory");
        return server;
    }
}
