package io.attune.infra.stack;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import kafka.Kafka;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;

/**
 * Runs one real Apache Kafka broker in KRaft combined mode (broker + controller), the way production runs it,
 * only with a single node and every replication factor at 1.
 *
 * <p>Usage: {@code KafkaLauncher [--port 9092] [--controller-port 9093] [--data-dir .run/kafka]}.
 * The data directory is formatted once and reused, so topics and offsets survive a restart of the launcher.
 */
public final class KafkaLauncher {

    private KafkaLauncher() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = LauncherArgs.parse(args);
        int port = Integer.parseInt(options.getOrDefault("port", "9092"));
        int controllerPort = Integer.parseInt(options.getOrDefault("controller-port", "9093"));
        Path dataDir = Path.of(options.getOrDefault("data-dir", ".run/kafka")).toAbsolutePath();

        Path properties = writeServerProperties(dataDir, port, controllerPort);
        format(dataDir, properties);
        Kafka.main(new String[] { properties.toString() });
    }

    static Path writeServerProperties(Path dataDir, int port, int controllerPort) {
        try {
            Files.createDirectories(dataDir);
            String config = String.join("\n",
                    "process.roles=broker,controller",
                    "node.id=1",
                    "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                    "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                    "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                    "controller.listener.names=CONTROLLER",
                    "inter.broker.listener.name=PLAINTEXT",
                    "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                    "log.dirs=" + dataDir.resolve("logs"),
                    "num.partitions=3",
                    "auto.create.topics.enable=true",
                    "offsets.topic.replication.factor=1",
                    "offsets.topic.num.partitions=10",
                    "transaction.state.log.replication.factor=1",
                    "transaction.state.log.min.isr=1",
                    "share.coordinator.state.topic.replication.factor=1",
                    "share.coordinator.state.topic.min.isr=1",
                    "min.insync.replicas=1",
                    "group.initial.rebalance.delay.ms=0",
                    "");
            Path file = dataDir.resolve("server.properties");
            Files.writeString(file, config, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void format(Path dataDir, Path properties) throws IOException {
        Path clusterIdFile = dataDir.resolve("cluster.id");
        if (!Files.exists(clusterIdFile)) {
            Files.writeString(clusterIdFile, Uuid.randomUuid().toString(), StandardCharsets.UTF_8);
        }
        String clusterId = Files.readString(clusterIdFile, StandardCharsets.UTF_8).trim();
        StorageTool.execute(
                new String[] { "format", "--ignore-formatted", "-t", clusterId, "-c", properties.toString() },
                new PrintStream(System.out, true, StandardCharsets.UTF_8));
    }
}
