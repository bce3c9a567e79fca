package io.attune.recommendation.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.attune.recommendation.policy.DimensionReading;
import io.attune.recommendation.policy.ScoreSnapshot;
import org.bson.Document;

/**
 * One document per client: the latest scores, oldest first, and the ids of the scores already recorded and
 * already decided on. Both lists live in the same document as the history, so recording a score is one atomic,
 * idempotent update; MongoDB-wire has no transactions. Every write sets a new {@code version}, so a batch that
 * read a profile can tell whether anything else wrote it since.
 */
@ApplicationScoped
public class ProfileStore {

    private static final int REMEMBERED_IDS = 1000;
    private static final String VERSION = "version";

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
                                    new PushOptions().slice(-REMEMBERED_IDS)),
                            Updates.set(VERSION, newVersion())),
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
                Updates.combine(Updates.pushEach("decidedScoreIds", List.of(scoreId),
                        new PushOptions().slice(-REMEMBERED_IDS)), Updates.set(VERSION, newVersion())));
    }

    /** The profiles of these clients as they are now, in one read; an absent one as empty. */
    public Map<String, Profile> load(Collection<String> clientIds) {
        Map<String, Profile> profiles = new LinkedHashMap<>();
        collections.get(Collections.PROFILES).find(Filters.in("_id", clientIds))
                .forEach(doc -> profiles.put(doc.getString("_id"), new Profile(doc.getString("_id"), true,
                        doc.getString(VERSION),
                        doc.getList("scores", Document.class, List.of()).stream().map(ProfileStore::toSnapshot).toList(),
                        doc.getList("recordedScoreIds", String.class, List.of()),
                        doc.getList("decidedScoreIds", String.class, List.of()))));
        for (String clientId : clientIds) {
            profiles.computeIfAbsent(clientId, id -> new Profile(id, false, null, List.of(), List.of(), List.of()));
        }
        return profiles;
    }

    /**
     * Stores the scores recorded on these profiles since they were loaded: one write per profile, all in one
     * round trip. A profile that was written by anything else since it was loaded (or created, or deleted) is
     * left alone, and reported, so its scores can be processed one by one instead.
     *
     * @return the clients whose profile changed since it was loaded; nothing was written for them
     */
    public Set<String> recordAll(Collection<Profile> profiles, int historySize) {
        String version = newVersion();
        List<Profile> changed = profiles.stream().filter(p -> !p.newScores.isEmpty()).toList();
        if (changed.isEmpty()) {
            return Set.of();
        }
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (Profile profile : changed) {
            if (!profile.stored) {
                writes.add(new InsertOneModel<>(new Document("_id", profile.clientId)
                        .append("scores", profile.scores.stream().map(ProfileStore::toDocument).toList())
                        .append("recordedScoreIds", profile.recordedIds)
                        .append("decidedScoreIds", List.of())
                        .append(VERSION, version)));
            } else {
                // Equality with null also matches a profile written before versions were kept.
                writes.add(new UpdateOneModel<>(
                        Filters.and(Filters.eq("_id", profile.clientId), Filters.eq(VERSION, profile.version)),
                        Updates.combine(
                                Updates.pushEach("scores", profile.newScores.stream().map(ProfileStore::toDocument)
                                        .toList(), new PushOptions().slice(-historySize)),
                                Updates.pushEach("recordedScoreIds",
                                        profile.newScores.stream().map(ScoreSnapshot::assessmentId).toList(),
                                        new PushOptions().slice(-REMEMBERED_IDS)),
                                Updates.set(VERSION, version))));
            }
        }
        int applied;
        try {
            BulkWriteResult result = collections.get(Collections.PROFILES).bulkWrite(writes,
                    new BulkWriteOptions().ordered(false));
            applied = result.getInsertedCount() + result.getMatchedCount();
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
            applied = e.getWriteResult().getInsertedCount() + e.getWriteResult().getMatchedCount();
        }
        Set<String> conflicts = new HashSet<>();
        if (applied < writes.size()) {
            // Rare (a concurrent erasure, or two consumers during a rebalance): find out which ones missed.
            Set<String> written = new HashSet<>();
            collections.get(Collections.PROFILES)
                    .find(Filters.in("_id", changed.stream().map(p -> p.clientId).toList()))
                    .projection(Projections.include(VERSION))
                    .forEach(doc -> {
                        if (version.equals(doc.getString(VERSION))) {
                            written.add(doc.getString("_id"));
                        }
                    });
            changed.stream().map(p -> p.clientId).filter(id -> !written.contains(id)).forEach(conflicts::add);
        }
        return conflicts;
    }

    /** Marks the scores decided on these profiles since they were loaded, one write per profile, one round trip. */
    public void markAllDecided(Collection<Profile> profiles) {
        String version = newVersion();
        List<WriteModel<Document>> writes = profiles.stream().filter(p -> !p.newDecided.isEmpty())
                .<WriteModel<Document>>map(p -> new UpdateOneModel<>(Filters.eq("_id", p.clientId),
                        Updates.combine(Updates.pushEach("decidedScoreIds", p.newDecided,
                                new PushOptions().slice(-REMEMBERED_IDS)), Updates.set(VERSION, version))))
                .toList();
        if (!writes.isEmpty()) {
            collections.get(Collections.PROFILES).bulkWrite(writes, new BulkWriteOptions().ordered(false));
        }
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

    private static String newVersion() {
        return UUID.randomUUID().toString();
    }

    /**
     * A client's profile as loaded for a batch, changed in memory exactly as {@link #record} and
     * {@link #markDecided} change the stored one, so that each score of the batch sees the history it would have
     * seen processed alone. {@link #recordAll} and {@link #markAllDecided} then store the changes.
     */
    public static final class Profile {

        private final String clientId;
        private final boolean stored;
        private final String version;
        private final List<ScoreSnapshot> scores;
        private final List<String> recordedIds;
        private final List<String> decidedIds;
        private final List<ScoreSnapshot> newScores = new ArrayList<>();
        private final List<String> newDecided = new ArrayList<>();

        Profile(String clientId, boolean stored, String version, List<ScoreSnapshot> scores, List<String> recordedIds,
                List<String> decidedIds) {
            this.clientId = Objects.requireNonNull(clientId);
            this.stored = stored;
            this.version = version;
            this.scores = new ArrayList<>(scores);
            this.recordedIds = new ArrayList<>(recordedIds);
            this.decidedIds = new ArrayList<>(decidedIds);
        }

        public String clientId() {
            return clientId;
        }

        public boolean isRecorded(String scoreId) {
            return recordedIds.contains(scoreId);
        }

        public boolean isDecided(String scoreId) {
            return decidedIds.contains(scoreId);
        }

        /** As {@link ProfileStore#record}: appends the score unless it was recorded before. */
        public void record(ScoreSnapshot score, int historySize) {
            if (isRecorded(score.assessmentId())) {
                return;
            }
            scores.add(score);
            trim(scores, historySize);
            recordedIds.add(score.assessmentId());
            trim(recordedIds, REMEMBERED_IDS);
            newScores.add(score);
        }

        public void markDecided(String scoreId) {
            decidedIds.add(scoreId);
            trim(decidedIds, REMEMBERED_IDS);
            newDecided.add(scoreId);
        }

        /** The scores, oldest first. */
        public List<ScoreSnapshot> history() {
            return List.copyOf(scores);
        }

        private static void trim(List<?> list, int keep) {
            if (list.size() > keep) {
                list.subList(0, list.size() - keep).clear();
            }
        }
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
