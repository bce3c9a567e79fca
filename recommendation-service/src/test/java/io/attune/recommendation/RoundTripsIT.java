package io.attune.recommendation;

import static io.attune.recommendation.RecommendationFlowIT.clientId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.attune.infra.testing.AttuneStackResource;
import io.quarkus.logging.Log;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.bson.Document;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * MongoDB round trips per consumed score, counted with a command listener: the load-independent measure of the
 * consumer's cost (docs/benchmarks.md). A burst of scores stands for the backlog the consumer meets under load.
 */
@QuarkusTest
@QuarkusTestResource(AttuneStackResource.class)
class RoundTripsIT {

    private static final int SINGLE_SCORE_CLIENTS = 40;
    private static final int BUSY_CLIENTS = 5;
    private static final int SCORES_PER_BUSY_CLIENT = 4;

    private static MongoClient mongo;
    private static MongoDatabase db;

    @BeforeAll
    static void connect() {
        // A client of its own, so that waiting for the results is not counted.
        mongo = MongoClients.create(ConfigProvider.getConfig().getValue("quarkus.mongodb.connection-string",
                String.class));
        db = mongo.getDatabase(ConfigProvider.getConfig().getValue("quarkus.mongodb.database", String.class));
    }

    @AfterAll
    static void close() {
        mongo.close();
    }

    @Test
    void aBurstOfScoresTakesFarFewerRoundTripsPerScoreThanOneAtATime() {
        String warmUp = clientId("trips-warm");
        KafkaTestClient.publishAll(List.of(ScoreEvent.phoneAtDinnerJournal(warmUp)));
        awaitDecidedAndPublished(List.of(warmUp), 1);

        List<ScoreEvent> scores = new ArrayList<>();
        List<String> clients = new ArrayList<>();
        for (int i = 0; i < SINGLE_SCORE_CLIENTS; i++) {
            String clientId = clientId("trips-one");
            clients.add(clientId);
            scores.add(i % 2 == 0 ? ScoreEvent.phoneAtDinnerJournal(clientId) : ScoreEvent.misattunedConversation(clientId));
        }
        for (int i = 0; i < BUSY_CLIENTS; i++) {
            String clientId = clientId("trips-busy");
            clients.add(clientId);
            scores.add(ScoreEvent.misattunedConversation(clientId));
            scores.add(ScoreEvent.phoneAtDinnerJournal(clientId));
            scores.add(ScoreEvent.attunedConversation(clientId));
            scores.add(ScoreEvent.misattunedConversation(clientId));
        }
        MongoCommandCounter.reset();
        KafkaTestClient.publishAll(scores);
        awaitDecidedAndPublished(clients, scores.size());

        Map<String, Long> counts = MongoCommandCounter.counts();
        double consumer = (double) MongoCommandCounter.total("other") / scores.size();
        double relay = (double) MongoCommandCounter.total("relay") / scores.size();
        Log.infof("MongoDB commands for %d scores: %s; per score: consumer %.2f, relay %.2f", scores.size(), counts,
                consumer, relay);
        // One at a time took 9.6 per score; batches take 7 or 8 per poll, and the burst arrives in a few polls.
        // The bound leaves room for a slow producer splitting the burst into many small polls.
        assertThat(consumer).as("consumer round trips per score, by command: %s", counts).isLessThan(4.0);
    }

    private static void awaitDecidedAndPublished(List<String> clients, int scores) {
        await().atMost(RecommendationApi.WAIT).until(() -> decided(clients) == scores
                && db.getCollection("recommendations").countDocuments(Filters.and(Filters.in("clientId", clients),
                        Filters.gt("outboxCount", 0))) == 0);
    }

    private static long decided(List<String> clients) {
        long decided = 0;
        for (Document profile : db.getCollection("profiles").find(Filters.in("_id", clients))) {
            decided += profile.getList("decidedScoreIds", String.class, List.of()).size();
        }
        return decided;
    }
}
