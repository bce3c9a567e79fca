package io.attune.journal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;

/** Reads what journal-service published, from the broker the running test application points at. */
public final class KafkaTopics {

    private KafkaTopics() {
    }

    public static String bootstrapServers() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    /** The record whose {@code ce_id} is {@code ceId}; fails after {@code timeout}. */
    public static ConsumerRecord<String, String> awaitRecord(String topic, String ceId) {
        return awaitRecords(topic, Set.of(ceId), Duration.ofSeconds(30)).get(ceId).get(0);
    }

    /**
     * Every record whose {@code ce_id} is in {@code ceIds}, in the order they were read, grouped by id (a list,
     * because at-least-once delivery may repeat a record). Fails listing the missing ids after {@code timeout}.
     */
    public static Map<String, List<ConsumerRecord<String, String>>> awaitRecords(String topic, Set<String> ceIds,
            Duration timeout) {
        Map<String, List<ConsumerRecord<String, String>>> found = new LinkedHashMap<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline && !found.keySet().containsAll(ceIds)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    String id = header(record, "ce_id");
                    if (ceIds.contains(id)) {
                        found.computeIfAbsent(id, k -> new java.util.ArrayList<>()).add(record);
                    }
                }
            }
        }
        if (!found.keySet().containsAll(ceIds)) {
            long missing = ceIds.stream().filter(id -> !found.containsKey(id)).count();
            throw new AssertionError(missing + " of " + ceIds.size() + " records never arrived on " + topic
                    + " within " + timeout.toSeconds() + " s");
        }
        return found;
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static KafkaConsumer<String, String> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "journal-test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return new KafkaConsumer<>(props);
    }
}
