package io.attune.recommendation.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;

/** Alerts for a client's coach: crises and concern-based escalations. One per assessment, so replays add none. */
@ApplicationScoped
public class AlertStore {

    /**
     * An alert as the dashboard shows it. It never quotes the client's words. {@code acknowledgedBy} and
     * {@code acknowledgedAt} are null until a coach acknowledges it.
     */
    public record CoachAlert(String assessmentId, String level, String reason, Instant raisedAt,
            String acknowledgedBy, Instant acknowledgedAt) {

        public CoachAlert(String assessmentId, String level, String reason, Instant raisedAt) {
            this(assessmentId, level, reason, raisedAt, null, null);
        }
    }

    private final Collections collections;

    public AlertStore(Collections collections) {
        this.collections = collections;
    }

    /** An alert raised for a client. */
    public record Raised(String clientId, CoachAlert alert) {
    }

    public void raise(String clientId, CoachAlert alert) {
        UpdateOneModel<Document> write = raiseWrite(new Raised(clientId, alert));
        collections.get(Collections.ALERTS).updateOne(write.getFilter(), write.getUpdate(), write.getOptions());
    }

    /** Raises these alerts in one round trip, each as {@link #raise} does. */
    public void raiseAll(List<Raised> alerts) {
        if (!alerts.isEmpty()) {
            collections.get(Collections.ALERTS).bulkWrite(alerts.stream().map(AlertStore::raiseWrite).toList(),
                    new BulkWriteOptions().ordered(false));
        }
    }

    private static UpdateOneModel<Document> raiseWrite(Raised raised) {
        CoachAlert alert = raised.alert();
        // Inserted once: a replayed score neither duplicates the alert nor wipes its acknowledgement.
        return new UpdateOneModel<>(Filters.eq("_id", alert.assessmentId()),
                Updates.combine(Updates.setOnInsert("clientId", raised.clientId()),
                        Updates.setOnInsert("level", alert.level()), Updates.setOnInsert("reason", alert.reason()),
                        Updates.setOnInsert("raisedAt", Date.from(alert.raisedAt()))),
                new UpdateOptions().upsert(true));
    }

    public List<CoachAlert> forClient(String clientId, int limit) {
        List<CoachAlert> alerts = new ArrayList<>();
        collections.get(Collections.ALERTS).find(Filters.eq("clientId", clientId))
                .sort(Sorts.descending("raisedAt")).limit(limit)
                .forEach(doc -> alerts.add(alert(doc)));
        return alerts;
    }

    /**
     * Records who acknowledged the alert and when; the first acknowledgement stands. Empty when the client has
     * no such alert.
     */
    public Optional<CoachAlert> acknowledge(String clientId, String alertId, String coachId, Instant now) {
        Bson mine = Filters.and(Filters.eq("_id", alertId), Filters.eq("clientId", clientId));
        collections.get(Collections.ALERTS).updateOne(Filters.and(mine, Filters.exists("acknowledgedAt", false)),
                Updates.combine(Updates.set("acknowledgedBy", coachId), Updates.set("acknowledgedAt", Date.from(now))));
        return Optional.ofNullable(collections.get(Collections.ALERTS).find(mine).first()).map(AlertStore::alert);
    }

    private static CoachAlert alert(Document doc) {
        Date acknowledgedAt = doc.getDate("acknowledgedAt");
        return new CoachAlert(doc.getString("_id"), doc.getString("level"), doc.getString("reason"),
                doc.getDate("raisedAt").toInstant(), doc.getString("acknowledgedBy"),
                acknowledgedAt == null ? null : acknowledgedAt.toInstant());
    }

    public long deleteClient(String clientId) {
        return collections.get(Collections.ALERTS).deleteMany(Filters.eq("clientId", clientId)).getDeletedCount();
    }
}
