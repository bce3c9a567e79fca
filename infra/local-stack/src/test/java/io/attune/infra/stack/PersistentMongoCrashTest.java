package io.attune.infra.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MongoDB-wire server in persistence mode keeps every write it confirmed through a {@code kill -9}, as the
 * chaos run and a durable outbox need: the launcher runs in its own JVM and is killed with SIGKILL.
 */
class PersistentMongoCrashTest {

    private static final int WRITES = 500;

    @TempDir
    Path dataDir;

    @Test
    void confirmedWritesSurviveAKill() throws Exception {
        int port = freePort();
        Process first = launch(port);
        try (MongoClient client = client(port)) {
            var docs = client.getDatabase("crash").getCollection("docs");
            IntStream.range(0, WRITES).forEach(i -> docs.insertOne(new Document("_id", i)));
        }
        first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

        Process second = launch(port);
        try (MongoClient client = client(port)) {
            assertThat(client.getDatabase("crash").getCollection("docs").countDocuments()).isEqualTo(WRITES);
        } finally {
            second.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    private Process launch(int port) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), MongoLauncher.class.getName(), "--port",
                String.valueOf(port), "--persist", "true", "--data-dir", dataDir.toString()))
                .redirectErrorStream(true)
                .redirectOutput(Files.createTempFile(dataDir.getParent(), "mongo-launcher", ".log").toFile())
                .start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!listening(port)) {
            assertThat(process.isAlive()).as("the launcher is running").isTrue();
            assertThat(System.nanoTime()).as("the launcher listens within 60 s").isLessThan(deadline);
            process.waitFor(100, TimeUnit.MILLISECONDS);
        }
        return process;
    }

    private static MongoClient client(int port) {
        return MongoClients.create("mongodb://127.0.0.1:" + port + "/?uuidRepresentation=standard");
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
