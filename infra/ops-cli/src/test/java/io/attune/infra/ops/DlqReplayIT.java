package io.attune.infra.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Pattern;

import io.attune.infra.testing.LocalStack;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** {@code attune dlq} against the real broker: list, show without payloads, and a replay that happens once. */
class DlqReplayIT {

    private static final String SERVERS = LocalStack.shared().kafkaBootstrapServers();

    private final String original = "ops-it-" + UUID.randomUUID().toString().substring(0, 8);
    private final String dlq = original + "-dlq";
    private final String group = "ops-it-replay-" + UUID.randomUUID();

    @Test
    void replayRepublishesEachDeadLetterOnceWithItsKeyAndCloudEventHeaders() {
        deadLetter("client-a", "event-1", "{\"text\":\"private words of client a\"}", 7);
        deadLetter("client-b", "event-2", "{\"text\":\"private words of client b\"}", 8);

        String listing = cli("list", dlq);
        assertThat(listing).contains(dlq + ": 2 record(s), 2 not yet replayed")
                .contains("from=" + original + "/0@7").contains("IllegalStateException: MongoDB was away");

        assertThat(cli("replay", dlq)).contains("replayed 2 record(s), skipped 0");
        List<ConsumerRecord<String, String>> copies = readAll(original, 2);
        assertThat(copies).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("client-a", "client-b");
        ConsumerRecord<String, String> first = copies.stream().filter(r -> r.key().equals("client-a")).findFirst()
                .orElseThrow();
        assertThat(header(first, "ce_id")).isEqualTo("event-1");
        assertThat(header(first, "ce_type")).isEqualTo("attune.journal.entry-recorded.v1");
        assertThat(header(first, Replayer.MARKER)).matches(Pattern.quote(dlq) + "/\\d+@\\d+");
        assertThat(first.headers().toArray()).noneMatch(h -> h.key().startsWith("dead-letter-"));
        assertThat(first.value()).isEqualTo("{\"text\":\"private words of client a\"}");

        // A second replay sends nothing again; one more dead letter is replayed alone.
        assertThat(cli("replay", dlq)).contains("replayed 0 record(s)");
        deadLetter("client-c", "event-3", "{\"text\":\"private words of client c\"}", 9);
        assertThat(cli("replay", dlq)).contains("replayed 1 record(s)");
        assertThat(readAll(original, 4)).extracting(ConsumerRecord::key)
                .containsExactlyInAnyOrder("client-a", "client-b", "client-c");
        assertThat(cli("list", dlq)).contains(dlq + ": 3 record(s), 0 not yet replayed");
    }

    @Test
    void showPrintsHeadersAndTheEventButNoPayloadUnlessAsked() {
        deadLetter("client-a", "event-1", "{\"text\":\"private words\"}", 3);

        String shown = cli("show", dlq);
        assertThat(shown).contains("event: id=event-1 type=attune.journal.entry-recorded.v1, payload 24 bytes")
                .contains("dead-letter-reason: MongoDB was away").contains("dead-letter-offset: 3")
                .doesNotContain("private words");
        assertThat(cli("show", dlq, "--with-payload")).contains("payload: {\"text\":\"private words\"}");
    }

    /**
     * Dead letters whose words are sealed with the client's data key (docs/security.md#crypto-shredding): the tool
     * has no key, shows the sealed fields as they are, and replays the bytes unchanged, so the consumer opens them
     * with the client's key, or skips them once the client is erased.
     */
    @Test
    void sealedPayloadsAreShownSealedAndReplayedByteForByte() {
        String sealed = "{\"entryId\":\"e-1\",\"clientId\":\"client-s\",\"text\":{\"alg\":\"A256GCM\","
                + "\"kid\":\"7d0c1b8e-5f2a-4c3d-9e6b-1a2f3c4d5e6f\",\"iv\":\"X3AIyqjniidWsNwC\","
                + "\"ct\":\"GJXQG9aOMj9OzYc3Syv6JJBnRQr3LeaEr9q24ekf3uyZoMDXEpI4jNk\"}}";
        deadLetter("client-s", "event-s", sealed, 5);

        assertThat(cli("show", dlq, "--with-payload")).contains("payload: " + sealed);
        assertThat(cli("replay", dlq)).contains("replayed 1 record(s), skipped 0");
        assertThat(readAll(original, 1)).singleElement().satisfies(copy -> assertThat(copy.value()).isEqualTo(sealed));
    }

    @Test
    void aRecordWithoutAnOriginIsReportedNotReplayed() {
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>(dlq, "client-x", "{}")).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        StringWriter out = new StringWriter();
        int exit = AttuneOps.run(new PrintWriter(out, true), "dlq", "--bootstrap-servers", SERVERS, "--group", group,
                "replay", dlq);
        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).containsPattern("skipped " + Pattern.quote(dlq)
                + "/\\d+@0: no dead-letter-topic header").contains("replayed 0 record(s), skipped 1");
    }

    private String cli(String command, String... args) {
        StringWriter out = new StringWriter();
        List<String> argv = new ArrayList<>(List.of("dlq", "--bootstrap-servers", SERVERS, "--group", group, command));
        argv.addAll(List.of(args));
        int exit = AttuneOps.run(new PrintWriter(out, true), argv.toArray(String[]::new));
        assertThat(exit).as("exit code of attune dlq %s; output:%n%s", command, out).isZero();
        return out.toString();
    }

    /** A dead letter as SmallRye's dead-letter-queue strategy writes it: the record's headers plus the failure. */
    private void deadLetter(String key, String eventId, String body, long originalOffset) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", bytes("1.0"));
        headers.add("ce_id", bytes(eventId));
        headers.add("ce_type", bytes("attune.journal.entry-recorded.v1"));
        headers.add("ce_source", bytes("/attune/journal-service"));
        headers.add("dead-letter-reason", bytes("MongoDB was away"));
        headers.add("dead-letter-exception-class-name", bytes("java.lang.IllegalStateException"));
        headers.add("dead-letter-topic", bytes(original));
        headers.add("dead-letter-partition", bytes("0"));
        headers.add("dead-letter-offset", bytes(String.valueOf(originalOffset)));
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>(dlq, null, key, body, headers)).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot write the dead letter", e);
        }
    }

    /** Reads {@code topic} from the start until {@code atMost} records arrived or a few seconds passed. */
    private static List<ConsumerRecord<String, String>> readAll(String topic, int atMost) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SERVERS);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "ops-it-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(8).toNanos();
            while (System.nanoTime() < deadline && records.size() < atMost) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    private static KafkaProducer<String, String> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SERVERS);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(props);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
