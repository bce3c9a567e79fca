package io.attune.infra.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The Kafka broker and MongoDB-wire server that integration tests talk to.
 *
 * <p>When {@code KAFKA_BOOTSTRAP_SERVERS} and {@code MONGODB_URI} are set, those servers are used as they are.
 * Otherwise servers already listening on 9092 and 27017 (for example from {@code infra/bin/attune up}) are reused,
 * and missing ones are started and stopped again when the JVM exits.
 */
public final class LocalStack {

    public static final int KAFKA_PORT = 9092;
    public static final int MONGO_PORT = 27017;

    private static LocalStack shared;

    private final String kafkaBootstrapServers;
    private final String mongoUri;

    private LocalStack(String kafkaBootstrapServers, String mongoUri) {
        this.kafkaBootstrapServers = kafkaBootstrapServers;
        this.mongoUri = mongoUri;
    }

    public static synchronized LocalStack shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    public String kafkaBootstrapServers() {
        return kafkaBootstrapServers;
    }

    public String mongoUri() {
        return mongoUri;
    }

    /** A Kafka broker of a test's own, on other ports, that the test may stop and start (outage tests). */
    public static StackProcess privateKafka(int port, int controllerPort) {
        Path dataDir = tempDir("attune-kafka-" + port);
        StackProcess kafka = kafka(port, controllerPort, dataDir);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.stop();
            deleteRecursively(dataDir);
        }, "stop-" + port));
        return kafka;
    }

    /**
     * A MongoDB-wire server of a test's own, on another port, that the test may stop and start again on the same
     * port (outage tests). Its data is kept in an H2 file, so it survives the restart like a real server's would.
     */
    public static StackProcess privateMongo(int port) {
        Path dataDir = tempDir("attune-mongo-" + port);
        StackProcess mongo = new StackProcess("mongo", "io.attune.infra.stack.MongoLauncher",
                List.of("--port", String.valueOf(port), "--persist", "true", "--data-dir", dataDir.toString()),
                port, ProjectLayout.runDir().resolve("test-logs/mongo-" + port + ".log"));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            mongo.stop();
            deleteRecursively(dataDir);
        }, "stop-" + port));
        return mongo;
    }

    private static LocalStack start() {
        String externalKafka = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        String externalMongo = System.getenv("MONGODB_URI");
        if (notBlank(externalKafka) && notBlank(externalMongo)) {
            return new LocalStack(externalKafka, externalMongo);
        }
        if (!StackProcess.isListening(MONGO_PORT)) {
            startedForThisJvm(mongo(MONGO_PORT), null);
        }
        if (!StackProcess.isListening(KAFKA_PORT)) {
            Path dataDir = tempDir("attune-kafka");
            startedForThisJvm(kafka(KAFKA_PORT, KAFKA_PORT + 1, dataDir), dataDir);
        }
        return new LocalStack("127.0.0.1:" + KAFKA_PORT,
                "mongodb://127.0.0.1:" + MONGO_PORT + "/?uuidRepresentation=standard");
    }

    private static void startedForThisJvm(StackProcess process, Path dataDir) {
        process.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            process.stop();
            deleteRecursively(dataDir);
        }, "stop-" + process.port()));
    }

    private static void deleteRecursively(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary directory is harmless.
        }
    }

    private static StackProcess kafka(int port, int controllerPort, Path dataDir) {
        return new StackProcess("kafka", "io.attune.infra.stack.KafkaLauncher",
                List.of("--port", String.valueOf(port), "--controller-port", String.valueOf(controllerPort),
                        "--data-dir", dataDir.toString()),
                port, ProjectLayout.runDir().resolve("test-logs/kafka-" + port + ".log"));
    }

    private static StackProcess mongo(int port) {
        return new StackProcess("mongo", "io.attune.infra.stack.MongoLauncher",
                List.of("--port", String.valueOf(port)),
                port, ProjectLayout.runDir().resolve("test-logs/mongo-" + port + ".log"));
    }

    private static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }
}
