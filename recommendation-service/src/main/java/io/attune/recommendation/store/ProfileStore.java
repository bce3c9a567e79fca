package io.attune.recommendation.store;

import java.util.Date;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.attune.recommendation.policy.DimensionReading;
import io.attune.recommendation.policy.ScoreSnapshot;
import org.bson.Document;

/**
 * One document per client: the latest scores, oldest first, and the ids of the scores already recorded and
 * already decided on. Both lists live in the same document as the history, so recording a score is one atomic,
 * idempotent update; MongoDB-wire has no transactions.
 */
@ApplicationScoped
public class ProfileStore {

    private static final int REMEMBERED_IDS = 1000;

    private final Collections collections;

    public ProfileStore(Collections collections) {
        this.collections = collections;
    }

    /** Appends the score unless it was recorded before; returns whether it was new. */
    public boolean record(String clientId, ScoreSnapshot score, int historySize) {
        try {
            var result = collections.get(Collections.PROFILES).updateOne(
                    Filters.and(Filters.eq("_id", clientId), Filters.ne("recordedScoreIds", score.assessmentId())),
                    Updates.combine(
                            Updates.pushEach("scores", List.of(toDocument(score)), new PushOptions().slice(-historySize)),
                            Updates.pushEach("recordedScoreIds", List.of(score.assessmentId()),
                                    new PushOptions().slice(-REMEMBERED_IDS))),
                    new UpdateOptions().upsert(true));
            return result.getModifiedCount() > 0 || result.getUpsertedId() != null;
        } catch (MongoWriteException e) {
            // The filter missed because the id is already recorded, so the upsert collided with the profile.
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    public boolean isDecided(String clientId, String scoreId) {
        return collections.get(Collections.PROFILES)
                .find(Filters.and(Filters.eq("_id", clientId), Filters.eq("decidedScoreIds", scoreId)))
                .first() != null;
    }

    public void markDecided(String clientId, String scoreId) {
        collections.get(Collections.PROFILES).updateOne(Filters.eq("_id", clientId),
                Updates.pushEach("decidedScoreIds", List.of(scoreId), new PushOptions().slice(-REMEMBERED_IDS)));
    }

    /** The client's scores, oldest first. */
    public List<ScoreSnapshot> history(String clientId) {
        Document profile = collections.get(Collections.PROFILES).find(Filters.eq("_id", clientId)).first();
        if (profile == null) {
            return List.of();
        }
        return profile.getList("scores", Document.class, List.of()).stream().map(ProfileStore::toSnapshot).toList();
    }

    public void delete(String clientId) {
        collections.get(Collections.PROFILES).deleteOne(Filters.eq("_id", clientId));
    }

    private static Document toDocument(ScoreSnapshot score) {
        return new Document("scoreId", score.assessmentId())
                .append("kind", score.kind())
                .append("context", score.context())
                .append("overall", score.overallScore())
                .append("band", score.band())
                .append("safety", score.safetyLevel())
                .append("scoredAt", Date.from(score.scoredAt()))
                .append("dimensions", score.dimensions().stream()
                        .map(d -> new Document("name", d.name()).append("score", d.score())
                                .append("evidence", d.evidenceExcerpt()))
                        .toList());
    }

    private static ScoreSnapshot toSnapshot(Document doc) {
        List<DimensionReading> dimensions = doc.getList("dimensions", Document.class, List.of()).stream()
                .map(d -> new DimensionReading(d.getString("name"), d.getInteger("score"), d.getString("evidence")))
                .toList();
        return new ScoreSnapshot(doc.getString("scoreId"), doc.getString("kind"), doc.getString("context"),
                doc.getInteger("overall"), doc.getString("band"), dimensions, doc.getString("safety"),
                doc.getDate("scoredAt").toInstant());
    }
}
