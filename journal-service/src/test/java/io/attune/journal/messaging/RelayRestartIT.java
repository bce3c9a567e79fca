package io.attune.journal.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import io.attune.infra.testing.AttuneStackResource;
import io.attune.infra.testing.EventContract;
import io.attune.infra.testing.TestAuth;
import io.attune.journal.Api;
import io.attune.journal.KafkaTopics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The relay works from MongoDB alone: documents left pending by an earlier instance (written here straight into
 * the database, as a crash before publication would leave them) are published after a start, in sequence order,
 * and only then marked published.
 */
@QuarkusTest
@QuarkusTestResource(AttuneStackResource.class)
class RelayRestartIT {

    @BeforeAll
    static void actAsTheTenantsApp() {
        TestAuth.actAsApp();
    }

    @Inject
    MongoClient mongo;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    @Test
    void documentsLeftPendingByAnEarlierInstanceArePublishedInOrder() {
        MongoDatabase db = mongo.getDatabase(database);
        String clientId = Api.newClientId("restart");
        String first = OutboxDocuments.insertPendingEntry(db, clientId, "left behind one");
        String second = OutboxDocuments.insertPendingEntry(db, clientId, "left behind two");
        String sample = OutboxDocuments.insertPendingConversation(db, clientId, "left behind three");

        Map<String, List<ConsumerRecord<String, String>>> entries = KafkaTopics.awaitRecords("journal-entries",
                new LinkedHashSet<>(List.of(first, second)), Duration.ofSeconds(30));
        ConsumerRecord<String, String> sampleRecord = KafkaTopics.awaitRecord("conversation-samples", sample);

        assertThat(entries.get(first).get(0).offset()).isLessThan(entries.get(second).get(0).offset());
        entries.values().forEach(records -> EventContract.assertValid(EventContract.JOURNAL_ENTRY_RECORDED, records.get(0).value()));
        EventContract.assertValid(EventContract.CONVERSATION_SAMPLE_RECORDED, sampleRecord.value());
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(OutboxDocuments.state(db, "journal_entries", first)).isEqualTo("PUBLISHED");
            assertThat(OutboxDocuments.state(db, "journal_entries", second)).isEqualTo("PUBLISHED");
            assertThat(OutboxDocuments.state(db, "conversations", sample)).isEqualTo("PUBLISHED");
        });
    }

    @Test
    void oneClientsEntriesArePublishedInTheOrderTheyWereAccepted() {
        String clientId = Api.newClientId("order");
        List<String> accepted = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            accepted.add(Api.accept(Api.ENTRIES, clientId, Api.entry("entry " + i)));
        }

        Map<String, List<ConsumerRecord<String, String>>> records = KafkaTopics.awaitRecords("journal-entries",
                new LinkedHashSet<>(accepted), Duration.ofSeconds(30));

        assertThat(records.values().stream().map(r -> r.get(0).partition()).distinct()).hasSize(1);
        List<String> published = accepted.stream()
                .sorted(Comparator.comparingLong(id -> records.get(id).get(0).offset())).toList();
        assertThat(published).containsExactlyElementsOf(accepted);
    }
}
