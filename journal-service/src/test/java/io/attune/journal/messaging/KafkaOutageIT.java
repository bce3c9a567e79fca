package io.attune.journal.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.attune.infra.testing.EventContract;
import io.attune.infra.testing.TestAuth;
import io.attune.journal.Api;
import io.attune.journal.KafkaTopics;
import io.attune.journal.LogCapture;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Kafka goes away, twice, the second time in the middle of draining a backlog: intake keeps answering 202, and
 * once the broker is back every accepted item is published, in per-client order, and marked published.
 * Runs against its own broker (see {@link PrivateKafkaResource}), never the shared one.
 */
@QuarkusTest
@TestProfile(KafkaOutageProfile.class)
class KafkaOutageIT {

    @BeforeAll
    static void actAsTheTenantsApp() {
        TestAuth.actAsApp();
    }

    /** The producer's max.block.ms: a POST that waited on Kafka would take at least this long. */
    private static final Duration KAFKA_BLOCK = Duration.ofSeconds(5);

    @Inject
    MongoClient mongo;

    /** What was accepted, per client, in the order it was accepted; and on which topic each id must appear. */
    private final Map<String, List<String>> acceptedPerClient = new LinkedHashMap<>();
    private final Map<String, Set<String>> idsPerTopic = Map.of("journal-entries", new HashSet<>(),
            "conversation-samples", new HashSet<>());

    @Test
    void everyItemAcceptedDuringOutagesIsPublishedOnceKafkaIsBack() {
        MongoDatabase db = mongo.getDatabase(KafkaOutageProfile.DATABASE);
        String marker = "outage-marker-" + UUID.randomUUID();
        List<String> clients = List.of(Api.newClientId("outage-a"), Api.newClientId("outage-b"), Api.newClientId("outage-c"));

        try (LogCapture logs = LogCapture.start()) {
            // The path works while the broker is up.
            for (String client : clients) {
                accept(client, marker, 1);
            }
            awaitPublished(db);

            // Outage 1: the backlog grows, and every POST still succeeds quickly.
            PrivateKafkaResource.broker().stop();
            for (int i = 0; i < 150; i++) {
                assertThat(accept(clients.get(i % clients.size()), marker, i)).as("POST latency").isLessThan(KAFKA_BLOCK);
            }
            // A document an earlier instance left pending, as after a crash: the relay must pick it up too.
            String leftBehind = OutboxDocuments.insertPendingEntry(db, clients.get(0), marker + " left behind");
            acceptedPerClient.get(clients.get(0)).add(leftBehind);
            idsPerTopic.get("journal-entries").add(leftBehind);
            long backlog = pending(db);
            assertThat(backlog).as("nothing can be published without a broker").isGreaterThanOrEqualTo(151);

            // Kafka returns; stop it again while the backlog is only partly drained.
            PrivateKafkaResource.broker().start();
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                    .until(() -> pending(db) < backlog);
            PrivateKafkaResource.broker().stop();
            long stillPending = pending(db);
            assertThat(stillPending).as("the broker stopped mid-backlog").isPositive();

            // Outage 2: more items arrive.
            for (int i = 0; i < 30; i++) {
                assertThat(accept(clients.get(i % clients.size()), marker, 1000 + i)).as("POST latency").isLessThan(KAFKA_BLOCK);
            }
            assertThat(pending(db)).isGreaterThanOrEqualTo(stillPending + 30);

            PrivateKafkaResource.broker().start();
            awaitPublished(db);
            assertEverythingPublishedInClientOrder();

            assertThat(logs.linesContaining(marker)).as("journal text in the logs").isEmpty();
            assertThat(logs.lines()).as("log capture works").isNotEmpty();
        }
    }

    /** Posts item {@code n} and returns how long the answer took. */
    private Duration accept(String clientId, String marker, int n) {
        boolean conversation = n % 5 == 4;
        String text = marker + " outage item " + n;
        long start = System.nanoTime();
        String id = given().contentType(ContentType.JSON)
                .body(conversation ? Api.conversation(text) : Api.entry(text))
                .post(conversation ? Api.CONVERSATIONS : Api.ENTRIES, clientId)
                .then().statusCode(202).extract().path("id");
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        acceptedPerClient.computeIfAbsent(clientId, k -> new ArrayList<>()).add(id);
        idsPerTopic.get(conversation ? "conversation-samples" : "journal-entries").add(id);
        return took;
    }

    private void awaitPublished(MongoDatabase db) {
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(pending(db)).isZero());
    }

    private long pending(MongoDatabase db) {
        return db.getCollection("journal_entries").countDocuments(Filters.eq("publicationState", "PENDING"))
                + db.getCollection("conversations").countDocuments(Filters.eq("publicationState", "PENDING"));
    }

    private void assertEverythingPublishedInClientOrder() {
        Map<String, ConsumerRecord<String, String>> firstCopy = new LinkedHashMap<>();
        idsPerTopic.forEach((topic, ids) -> KafkaTopics.awaitRecords(topic, ids, Duration.ofSeconds(60))
                .forEach((id, copies) -> {
                    // At least once: an outage may leave a duplicate, never a gap; consumers keep the first copy.
                    firstCopy.put(id, copies.stream().min(Comparator.comparingLong(ConsumerRecord::offset)).orElseThrow());
                    copies.forEach(copy -> EventContract.assertValid(topic.equals("journal-entries")
                            ? EventContract.JOURNAL_ENTRY_RECORDED : EventContract.CONVERSATION_SAMPLE_RECORDED, copy.value()));
                }));

        int total = acceptedPerClient.values().stream().mapToInt(List::size).sum();
        assertThat(firstCopy).hasSize(total);
        acceptedPerClient.forEach((client, accepted) -> {
            for (String topic : idsPerTopic.keySet()) {
                List<String> expected = accepted.stream().filter(idsPerTopic.get(topic)::contains).toList();
                List<String> published = expected.stream()
                        .sorted(Comparator.comparingLong(id -> firstCopy.get(id).offset())).toList();
                assertThat(published).as("order of %s on %s", client, topic).containsExactlyElementsOf(expected);
                assertThat(expected).allSatisfy(id -> assertThat(firstCopy.get(id).key()).isEqualTo(client));
            }
        });
    }
}
