package io.attune.recommendation.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Utils;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads what a reconnecting stream missed straight from {@code recommendations}: the records of one client's
 * partition between its {@code Last-Event-ID} and the current end. One consumer without a group, on one thread,
 * serves every resume of this instance in turn.
 */
@ApplicationScoped
public class TopicReader {

    static final String TOPIC = "recommendations";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(200);

    /**
     * What a stream starts from.
     *
     * @param from the first offset the stream delivers
     * @param events the client's records from {@code from} on, at most the limit asked for
     * @param seenIds event ids of the client's records shortly before {@code from}: sent already
     * @param end where reading stopped: the partition's end, or after the last event when truncated
     * @param truncated more records of the client follow; the stream ends after these so the client resumes
     */
    record Catchup(int partition, long from, List<StreamEvent> events, Set<String> seenIds, long end,
            boolean truncated) {
    }

    private final String bootstrapServers;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "recommendation-stream-reader");
        t.setDaemon(true);
        return t;
    });
    private KafkaConsumer<String, String> consumer;

    public TopicReader(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * @param resume the last event the client has, or null for a new stream
     * @param live where the live consumer stood, per partition, when the stream registered: a new stream starts
     *        there
     * @param limit at most this many events
     * @param lookback records before the resume position whose event ids count as sent
     */
    CompletableFuture<Catchup> read(String clientId, StreamEvent.Position resume, Map<Integer, Long> live,
            int limit, int lookback) {
        return CompletableFuture.supplyAsync(() -> readNow(clientId, resume, live, limit, lookback), thread);
    }

    private Catchup readNow(String clientId, StreamEvent.Position resume, Map<Integer, Long> live, int limit,
            int lookback) {
        KafkaConsumer<String, String> kafka = consumer();
        int partitions = kafka.partitionsFor(TOPIC, TIMEOUT).size();
        if (partitions == 0) {
            throw new IllegalStateException("topic " + TOPIC + " does not exist yet");
        }
        // The producer's default partitioner: all of a client's events are in this partition, in order.
        int partition = Utils.toPositive(Utils.murmur2(clientId.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                % partitions;
        TopicPartition tp = new TopicPartition(TOPIC, partition);
        long begin = kafka.beginningOffsets(List.of(tp), TIMEOUT).get(tp);
        long end = kafka.endOffsets(List.of(tp), TIMEOUT).get(tp);
        long from;
        long scanFrom;
        if (resume == null || resume.partition() != partition) {
            // A new stream, or an id from before the topic had its current partitions: from now on.
            from = Math.max(begin, Math.min(end, live.getOrDefault(partition, end)));
            scanFrom = from;
        } else {
            from = Math.max(begin, Math.min(end, resume.offset() + 1));
            scanFrom = Math.max(begin, from - lookback);
        }
        List<StreamEvent> events = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        kafka.assign(List.of(tp));
        kafka.seek(tp, scanFrom);
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (kafka.position(tp) < end) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("could not read " + tp + " within " + TIMEOUT.toSeconds() + " s");
            }
            for (ConsumerRecord<String, String> record : kafka.poll(POLL)) {
                if (record.offset() >= end || !clientId.equals(record.key())) {
                    continue;
                }
                StreamEvent event = StreamEvent.of(record);
                if (record.offset() < from) {
                    seen.add(event.eventId());
                } else if (events.size() < limit) {
                    events.add(event);
                } else {
                    return new Catchup(partition, from, events, seen, event.offset(), true);
                }
            }
        }
        return new Catchup(partition, from, events, seen, end, false);
    }

    private KafkaConsumer<String, String> consumer() {
        if (consumer == null) {
            Properties props = new Properties();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            props.put(ConsumerConfig.CLIENT_ID_CONFIG, "recommendation-stream-reader");
            props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            consumer = new KafkaConsumer<>(props);
        }
        return consumer;
    }

    @PreDestroy
    void close() {
        thread.submit(() -> {
            if (consumer != null) {
                consumer.close();
            }
        });
        thread.shutdown();
    }
}
