package io.attune.infra.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One launcher of {@code infra/local-stack} running in its own JVM, with its output in a log file.
 * Stopping sends SIGTERM first so Kafka shuts down cleanly, then kills after a grace period.
 */
public final class StackProcess {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final String name;
    private final List<String> command;
    private final int port;
    private final Path log;
    private Process process;

    StackProcess(String name, String mainClass, List<String> args, int port, Path log) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xms64m");
        command.add("-Xmx512m");
        command.add("-cp");
        command.add(ProjectLayout.localStackClasspath());
        command.add(mainClass);
        command.addAll(args);
    }

    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        try {
            Files.createDirectories(log.getParent());
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!isListening(port)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            if (System.nanoTime() > deadline) {
                stop();
                throw new IllegalStateException(name + " did not listen on port " + port + " within "
                        + START_TIMEOUT.toSeconds() + " s; see " + log);
            }
            sleep(100);
        }
    }

    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (isListening(port) && System.nanoTime() < deadline) {
            sleep(100);
        }
        process = null;
    }

    public int port() {
        return port;
    }

    public Path log() {
        return log;
    }

    static boolean isListening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public String toString() {
        return name + " on 127.0.0.1:" + port + " (log " + log + ")";
    }
}
