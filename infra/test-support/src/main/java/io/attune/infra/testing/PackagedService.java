package io.attune.infra.testing;

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
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One packaged service ({@code <module>/target/quarkus-app}) running as its own JVM on a free port, as it is
 * deployed: for the end-to-end tests, and for a second replica next to a test application. It trusts the test
 * signing key ({@link TestTokens}) and listens on 127.0.0.1 only.
 */
public final class PackagedService implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String name;
    private final int port;
    private final Path log;
    private final Process process;

    private PackagedService(String name, int port, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /**
     * Starts {@code module}'s packaged jar on Kafka and MongoDB at the given addresses.
     *
     * @param name             names the instance's log, {@code .run/test-logs/<name>.log}
     * @param environment      more environment variables, e.g. {@code ATTUNE_INSTANCE_ID}
     * @param systemProperties {@code -D} options on top of the packaged configuration
     */
    public static PackagedService start(String module, String name, String kafkaBootstrapServers, String mongoUri,
            Map<String, String> environment, List<String> systemProperties) {
        Path jar = ProjectLayout.root().resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing; run mvn package first");
        }
        int port = freePort();
        Path log = ProjectLayout.runDir().resolve("test-logs/" + name + ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx384m", "-Dquarkus.http.port=" + port));
        command.addAll(systemProperties);
        command.addAll(List.of("-jar", jar.toString()));
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
            builder.environment().put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers);
            builder.environment().put("MONGODB_URI", mongoUri);
            builder.environment().put("ATTUNE_JWT_PUBLIC_KEY", TestTokens.publicKey().toUri().toString());
            builder.environment().put("ATTUNE_HTTP_HOST", "127.0.0.1");
            builder.environment().put("ATTUNE_CRYPTO_MASTER_KEY_FILE", TestTokens.masterKey().toString());
            builder.environment().put("ATTUNE_KEY_SERVICE_TOKEN", TestTokens.service());
            // Unless the caller names a journal-service: the stub, which knows no key (see KeyServiceStub).
            builder.environment().put("ATTUNE_KEY_SERVICE_URL", KeyServiceStub.url());
            builder.environment().putAll(environment);
            return new PackagedService(name, port, log, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + module, e);
        }
    }

    /** Waits for {@code /q/health/ready} to answer 200. */
    public PackagedService awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(uri("/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return this;
                }
            } catch (IOException notListeningYet) {
                // keep waiting
            }
            process.waitFor(250, TimeUnit.MILLISECONDS);
        }
        throw new IllegalStateException(name + " not ready within " + timeout + "; see " + log);
    }

    /** The instance's log: everything it wrote to stdout and stderr. */
    public Path log() {
        return log;
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public URI uri(String path) {
        return uri().resolve(path);
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
