package io.attune.recommendation.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import io.attune.recommendation.policy.Exercise;
import org.bson.Document;

/** The exercise catalog. Seeded from a versioned resource; admins may edit it afterwards. */
@ApplicationScoped
public class ExerciseStore {

    /** Outcome of seeding one exercise. */
    public enum SeedOutcome { INSERTED, UPGRADED, KEPT }

    private final Collections collections;

    public ExerciseStore(Collections collections) {
        this.collections = collections;
    }

    public List<Exercise> all() {
        List<Exercise> exercises = new ArrayList<>();
        collections.get(Collections.EXERCISES).find().sort(Sorts.ascending("_id"))
                .forEach(doc -> exercises.add(toExercise(doc)));
        return exercises;
    }

    public Optional<Exercise> find(String id) {
        return Optional.ofNullable(collections.get(Collections.EXERCISES).find(Filters.eq("_id", id)).first())
                .map(ExerciseStore::toExercise);
    }

    /** @return false when an exercise with that id exists already */
    public boolean create(Exercise exercise, Instant now) {
        try {
            collections.get(Collections.EXERCISES).insertOne(toDocument(exercise, 0, true, now));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /** @return false when there is no such exercise */
    public boolean update(Exercise exercise, Instant now) {
        Document existing = collections.get(Collections.EXERCISES).find(Filters.eq("_id", exercise.id())).first();
        if (existing == null) {
            return false;
        }
        collections.get(Collections.EXERCISES).replaceOne(Filters.eq("_id", exercise.id()),
                toDocument(exercise, existing.getInteger("catalogVersion", 0), true, now));
        return true;
    }

    /**
     * Inserts a catalog exercise that is missing, and upgrades one from an older catalog version unless an admin
     * edited it. Running it again changes nothing.
     */
    public SeedOutcome seed(Exercise exercise, int catalogVersion, Instant now) {
        Document existing = collections.get(Collections.EXERCISES).find(Filters.eq("_id", exercise.id())).first();
        if (existing == null) {
            collections.get(Collections.EXERCISES).replaceOne(Filters.eq("_id", exercise.id()),
                    toDocument(exercise, catalogVersion, false, now), new ReplaceOptions().upsert(true));
            return SeedOutcome.INSERTED;
        }
        boolean edited = existing.getBoolean("editedByAdmin", false);
        if (!edited && existing.getInteger("catalogVersion", 0) < catalogVersion) {
            collections.get(Collections.EXERCISES).replaceOne(
                    Filters.and(Filters.eq("_id", exercise.id()), Filters.lt("catalogVersion", catalogVersion)),
                    toDocument(exercise, catalogVersion, false, now));
            return SeedOutcome.UPGRADED;
        }
        return SeedOutcome.KEPT;
    }

    private static Document toDocument(Exercise exercise, int catalogVersion, boolean editedByAdmin, Instant now) {
        return new Document("_id", exercise.id())
                .append("title", exercise.title())
                .append("instructions", exercise.instructions())
                .append("durationMinutes", exercise.durationMinutes())
                .append("targetDimensions", exercise.targetDimensions())
                .append("contexts", exercise.contexts())
                .append("contraindications", exercise.contraindications())
                .append("source", exercise.source())
                .append("catalogVersion", catalogVersion)
                .append("editedByAdmin", editedByAdmin)
                .append("updatedAt", Date.from(now));
    }

    private static Exercise toExercise(Document doc) {
        return new Exercise(doc.getString("_id"), doc.getString("title"), doc.getString("instructions"),
                doc.getInteger("durationMinutes", 0), doc.getList("targetDimensions", String.class, List.of()),
                doc.getList("contexts", String.class, List.of()),
                doc.getList("contraindications", String.class, List.of()), doc.getString("source"));
    }
}
