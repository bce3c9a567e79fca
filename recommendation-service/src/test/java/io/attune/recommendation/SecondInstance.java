package io.attune.recommendation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.attune.infra.testing.ProjectLayout;
import io.attune.infra.testing.TestTokens;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A second recommendation-service, the packaged one ({@code target/quarkus-app}), in its own JVM on a free port and
 * on the same Kafka and MongoDB as the test application: another replica.
 */
final class SecondInstance implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final int port;
    private final Path log;
    private final Process process;

    private SecondInstance(int port, Path log, Process process) {
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /** Starts it with {@code -D} options on top of the packaged configuration, and waits until it is ready. */
    static SecondInstance start(String instanceId, List<String> systemProperties) throws InterruptedException {
        Path module = ProjectLayout.root().resolve("recommendation-service");
        Path jar = module.resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing; run mvn package first");
        }
        int port = freePort();
        Path log = ProjectLayout.runDir().resolve("test-logs/recommendation-service-" + instanceId + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-Dquarkus.http.port=" + port));
        command.addAll(systemProperties);
        command.addAll(List.of("-jar", jar.toString()));
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
            var config = ConfigProvider.getConfig();
            builder.environment().put("KAFKA_BOOTSTRAP_SERVERS",
                    config.getValue("kafka.bootstrap.servers", String.class));
            builder.environment().put("MONGODB_URI",
                    config.getValue("quarkus.mongodb.connection-string", String.class));
            builder.environment().put("ATTUNE_INSTANCE_ID", instanceId);
            builder.environment().put("ATTUNE_JWT_PUBLIC_KEY", TestTokens.publicKey().toUri().toString());
            builder.environment().put("ATTUNE_HTTP_HOST", "127.0.0.1");
            SecondInstance instance = new SecondInstance(port, log, builder.start());
            instance.awaitReady(Duration.ofSeconds(90));
            return instance;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the second recommendation-service", e);
        }
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    private void awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(uri().resolve("/q/health/ready"))
                        .build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // keep waiting
            }
            process.waitFor(250, TimeUnit.MILLISECONDS);
        }
        throw new IllegalStateException("not ready within " + timeout + "; see " + log);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
