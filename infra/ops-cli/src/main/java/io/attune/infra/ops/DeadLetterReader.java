package io.attune.infra.ops;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads dead-letter topics without joining any consumer group, so looking never moves anything. */
final class DeadLetterReader implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** The offsets of one partition: [begin, end), and where a replay group has got to (-1: nowhere). */
    record PartitionState(TopicPartition partition, long begin, long end, long replayed) {

        long count() {
            return end - begin;
        }

        long pendingReplay() {
            return end - Math.max(begin, replayed);
        }
    }

    private final String bootstrapServers;
    private final KafkaConsumer<String, byte[]> consumer;

    DeadLetterReader(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.consumer = new KafkaConsumer<>(properties(bootstrapServers, null));
    }

    static Properties properties(String bootstrapServers, String groupId) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        if (groupId != null) {
            props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        }
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "attune-ops-cli");
        return props;
    }

    /** Topics whose name ends with {@code -dlq}, sorted. */
    List<String> deadLetterTopics() {
        return consumer.listTopics(TIMEOUT).keySet().stream().filter(name -> name.endsWith("-dlq")).sorted().toList();
    }

    List<TopicPartition> partitions(String topic) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, TIMEOUT);
        if (infos == null || infos.isEmpty()) {
            throw new IllegalArgumentException("no such topic: " + topic);
        }
        return infos.stream().map(i -> new TopicPartition(i.topic(), i.partition()))
                .sorted((a, b) -> Integer.compare(a.partition(), b.partition())).toList();
    }

    /** Offsets per partition, with the committed position of {@code replayGroup}. */
    List<PartitionState> states(String topic, String replayGroup) {
        List<TopicPartition> partitions = partitions(topic);
        Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, TIMEOUT);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
        Map<TopicPartition, Long> replayed = Replayer.committed(bootstrapServers, replayGroup, partitions);
        return partitions.stream().map(tp -> new PartitionState(tp, begin.get(tp), end.get(tp),
                replayed.getOrDefault(tp, -1L))).toList();
    }

    /** Every record of the topic now in it, partition by partition, that {@code filter} accepts. */
    List<DeadLetter> read(String topic, Predicate<DeadLetter> filter) {
        List<TopicPartition> partitions = partitions(topic);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        List<DeadLetter> letters = new ArrayList<>();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("could not read " + topic + " within " + TIMEOUT.toSeconds() + " s");
            }
            for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                    DeadLetter letter = DeadLetter.of(record);
                    if (filter.test(letter)) {
                        letters.add(letter);
                    }
                }
            }
        }
        letters.sort((a, b) -> a.partition() != b.partition() ? Integer.compare(a.partition(), b.partition())
                : Long.compare(a.offset(), b.offset()));
        return letters;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
