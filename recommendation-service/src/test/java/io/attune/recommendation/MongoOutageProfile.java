package io.attune.recommendation;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * recommendation-service against a MongoDB-wire server the test may stop, with short driver timeouts so a
 * failed attempt is noticed quickly, and a short maximum backoff so recovery is not waited for long.
 */
public class MongoOutageProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.mongodb.server-selection-timeout", "2s",
                "quarkus.mongodb.connect-timeout", "1s",
                "quarkus.mongodb.read-timeout", "5s",
                "attune.recommendation.retry.initial-backoff", "100ms",
                "attune.recommendation.retry.max-backoff", "1s");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(PrivateMongoResource.class));
    }

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }
}
