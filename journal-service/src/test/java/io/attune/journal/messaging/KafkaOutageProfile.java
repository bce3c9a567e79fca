package io.attune.journal.messaging;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * journal-service against a broker the test may stop, with a small outbox batch so a backlog takes several passes
 * to drain and a broker stop can land in the middle of it. Its own database keeps the backlog apart from anything
 * else that relays from {@code attune-journal}.
 */
public class KafkaOutageProfile implements QuarkusTestProfile {

    static final String DATABASE = "attune-journal-outage-test";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.mongodb.database", DATABASE,
                "attune.journal.outbox.batch-size", "5",
                "attune.journal.outbox.poll-every", "300ms",
                "attune.journal.outbox.retry-backoff", "500ms",
                "attune.journal.outbox.send-timeout", "3s");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(PrivateKafkaResource.class));
    }

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }
}
