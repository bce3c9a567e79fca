package io.attune.infra.load;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the recommendations topic from its current end, without a consumer group (no rebalance delay, no
 * committed offsets left behind), and reports each record's key (the client id) and CloudEvents id.
 */
final class RecommendationWatcher implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final String topic;
    private final String bootstrapServers;
    private final Tally tally;
    private final CountDownLatch positioned = new CountDownLatch(1);
    private final Thread thread;
    private volatile boolean running = true;
    private volatile RuntimeException failure;

    RecommendationWatcher(String bootstrapServers, String topic, Tally tally) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        // Low fetch wait: the arrival time is the measurement, so records must not sit in the broker.
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "5");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "attune-load-generator");
        consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.tally = tally;
        thread = new Thread(this::run, "recommendation-watcher");
        thread.setDaemon(true);
    }

    /** Starts reading and returns once the consumer sits at the end of every partition. */
    void start(Duration timeout) throws InterruptedException {
        thread.start();
        if (!positioned.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("could not reach topic '" + topic + "' within " + timeout.toSeconds()
                    + " s" + (failure != null ? ": " + failure.getMessage() : ""));
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void run() {
        try {
            List<TopicPartition> partitions = partitions();
            if (partitions.isEmpty()) {
                // A fresh broker creates the topic only when the first recommendation is published; create it
                // now with the broker's defaults, as that first publication would.
                createTopic();
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (partitions.isEmpty() && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                    partitions = partitions();
                }
            }
            if (partitions.isEmpty()) {
                throw new IllegalStateException("topic '" + topic + "' has no partitions; is the system up?");
            }
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position); // resolves the end offsets now, before anything is sent
            positioned.countDown();
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    tally.recommendation(record.key(), header(record, "ce_id"), System.nanoTime());
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failure = e;
            positioned.countDown();
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private List<TopicPartition> partitions() {
        return consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
    }

    private void createTopic() throws InterruptedException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, Optional.empty(), Optional.empty()))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topic '" + topic + "': " + e.getCause(), e);
            }
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(5000);
    }
}
