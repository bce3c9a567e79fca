package io.attune.recommendation.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import jakarta.inject.Inject;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import io.attune.infra.testing.AttuneStackResource;
import io.attune.recommendation.Recommendation;
import io.attune.recommendation.policy.DimensionReading;
import io.attune.recommendation.policy.ScoreSnapshot;
import io.attune.recommendation.service.RecommendationService.ScoreInput;
import io.attune.recommendation.store.AlertStore;
import io.attune.recommendation.store.ProfileStore;
import io.attune.recommendation.store.RecommendationStore;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * A batch of scores decided at once ends where the same scores decided one after another end, and deciding it again
 * changes nothing. The service is called directly, so the batch's make-up is exact.
 */
@QuarkusTest
@QuarkusTestResource(AttuneStackResource.class)
class BatchScoringIT {

    private static final int HISTORY = 50;

    @Inject
    RecommendationService service;

    @Inject
    ProfileStore profiles;

    @Inject
    RecommendationStore recommendations;

    @Inject
    AlertStore alerts;

    @Inject
    MongoClient mongo;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    @Test
    void severalScoresOfOneClientInABatchEndAsTheyDoOneAfterAnother() {
        String batched = client("batched");
        String sequential = client("sequential");
        String other = client("other");

        List<ScoreInput> batch = new ArrayList<>();
        List<ScoreInput> reference = scores(sequential);
        // Another client's scores interleaved, as records of several clients share a partition.
        List<ScoreInput> mine = scores(batched);
        List<ScoreInput> theirs = scores(other);
        for (int i = 0; i < mine.size(); i++) {
            batch.add(mine.get(i));
            batch.add(theirs.get(i));
        }
        service.onScores(batch);
        for (ScoreInput input : reference) {
            service.onScore(input.clientId(), input.locale(), input.score(), input.sourceRecordedAt());
        }

        assertThat(state(batched)).isEqualTo(state(sequential)).isEqualTo(state(other));
        // The sequence exercised every kind of write: issued, superseded, and coach alerts.
        assertThat(state(batched).recommendations()).anyMatch(r -> r.startsWith("seek-therapy SUPERSEDED"))
                .anyMatch(r -> r.startsWith("seek-therapy ACTIVE crisis"));
        assertThat(state(batched).alerts()).contains("concern", "crisis");
    }

    @Test
    void aRedeliveredBatchChangesNothing() {
        String clientId = client("redelivered");
        List<ScoreInput> batch = scores(clientId);
        service.onScores(batch);
        Document profile = profileDocument(clientId);
        List<Document> stored = recommendationDocuments(clientId);
        long storedAlerts = alerts.forClient(clientId, 100).size();

        service.onScores(batch);
        service.onScores(List.of(batch.get(2), batch.get(2)));

        assertThat(profileDocument(clientId)).isEqualTo(profile);
        assertThat(recommendationDocuments(clientId)).isEqualTo(stored);
        assertThat(alerts.forClient(clientId, 100)).hasSize((int) storedAlerts);
    }

    @Test
    void aBatchResumingAScoreRecordedButNotDecidedEndsAsOneAfterAnother() {
        String resumed = client("resumed");
        String sequential = client("resumed-seq");
        List<ScoreInput> mine = scores(resumed);
        List<ScoreInput> reference = scores(sequential);
        // An earlier attempt stopped after recording the first score.
        profiles.record(resumed, mine.get(0).score(), HISTORY);

        service.onScores(mine);
        for (ScoreInput input : reference) {
            service.onScore(input.clientId(), input.locale(), input.score(), input.sourceRecordedAt());
        }

        assertThat(state(resumed)).isEqualTo(state(sequential));
    }

    /** What a client ends with, without the ids and times that differ between clients. */
    private record State(List<String> history, List<String> recommendations, List<String> alerts) {
    }

    private State state(String clientId) {
        List<String> history = profiles.history(clientId).stream()
                .map(s -> s.kind() + " " + s.overallScore() + " " + s.safetyLevel() + " " + s.dimensions()).toList();
        List<String> recs = new ArrayList<>(recommendations.list(clientId, null, null, 100).items().stream()
                .map(BatchScoringIT::describe).toList());
        recs.sort(null);
        List<String> raised = new ArrayList<>(alerts.forClient(clientId, 100).stream()
                .map(AlertStore.CoachAlert::level).toList());
        raised.sort(null);
        return new State(history, recs, raised);
    }

    private static String describe(Recommendation r) {
        return r.exerciseId() + " " + r.status() + (r.crisisResources().isEmpty() ? "" : " crisis") + " rank "
                + r.rank() + " " + r.reason().dimension() + "=" + r.reason().score() + " alert " + r.coachAlert();
    }

    private Document profileDocument(String clientId) {
        return mongo.getDatabase(database).getCollection("profiles").find(Filters.eq("_id", clientId)).first();
    }

    /** Without the outbox, which the relay empties meanwhile. */
    private List<Document> recommendationDocuments(String clientId) {
        List<Document> docs = new ArrayList<>();
        mongo.getDatabase(database).getCollection("recommendations").find(Filters.eq("clientId", clientId))
                .projection(Projections.exclude("outbox", "outboxCount")).sort(Sorts.ascending("_id"))
                .forEach(docs::add);
        return docs;
    }

    /**
     * Seven scores that issue, supersede and alert: a weak focus; three low entries, two of them with concern, which
     * escalate to seek-therapy; a crisis, which supersedes that seek-therapy for one with crisis resources; a
     * misattuned conversation; a good entry.
     */
    private static List<ScoreInput> scores(String clientId) {
        Instant start = Instant.now().minus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
        Function<Integer, Instant> day = i -> start.plus(i, ChronoUnit.DAYS);
        List<ScoreSnapshot> scores = List.of(
                journal(58, "none", day.apply(0), new DimensionReading("focus", 20, "scrolling at dinner"),
                        new DimensionReading("mindfulness", 60, null)),
                journal(30, "concern", day.apply(1), new DimensionReading("self-compassion", 55, "I am useless")),
                journal(25, "concern", day.apply(2), new DimensionReading("self-compassion", 55, "I am useless")),
                journal(20, "none", day.apply(3), new DimensionReading("self-compassion", 55, null)),
                journal(15, "crisis", day.apply(4), new DimensionReading("self-compassion", 10, "no way out")),
                new ScoreSnapshot(id(), "conversation", "partner", 28, "misattuned", List.of(
                        new DimensionReading("acknowledgement", 25, "I hate him!"),
                        new DimensionReading("inquiry", 15, "Just forget it."),
                        new DimensionReading("exploration", 10, "Just forget it."),
                        new DimensionReading("presence", 60, null)), "none", day.apply(5)),
                journal(85, "none", day.apply(6), new DimensionReading("mindfulness", 85, null)));
        return scores.stream().map(s -> new ScoreInput(clientId, "en", s, s.scoredAt(), null)).toList();
    }

    private static ScoreSnapshot journal(int overall, String safety, Instant at, DimensionReading... dimensions) {
        return new ScoreSnapshot(id(), "journal", "self", overall, overall >= 70 ? "attuned" : "partly-attuned",
                List.of(dimensions), safety, at);
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }

    private static String client(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }
}
