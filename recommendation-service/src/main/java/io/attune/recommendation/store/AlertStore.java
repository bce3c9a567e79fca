package io.attune.recommendation.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import org.bson.Document;

/** Alerts for a client's coach: crises and concern-based escalations. One per assessment, so replays add none. */
@ApplicationScoped
public class AlertStore {

    /** An alert as the dashboard shows it. It never quotes the client's words. */
    public record CoachAlert(String assessmentId, String level, String reason, Instant raisedAt) {
    }

    private final Collections collections;

    public AlertStore(Collections collections) {
        this.collections = collections;
    }

    public void raise(String clientId, CoachAlert alert) {
        collections.get(Collections.ALERTS).replaceOne(Filters.eq("_id", alert.assessmentId()),
                new Document("_id", alert.assessmentId()).append("clientId", clientId)
                        .append("level", alert.level()).append("reason", alert.reason())
                        .append("raisedAt", Date.from(alert.raisedAt())),
                new ReplaceOptions().upsert(true));
    }

    public List<CoachAlert> forClient(String clientId, int limit) {
        List<CoachAlert> alerts = new ArrayList<>();
        collections.get(Collections.ALERTS).find(Filters.eq("clientId", clientId))
                .sort(Sorts.descending("raisedAt")).limit(limit)
                .forEach(doc -> alerts.add(new CoachAlert(doc.getString("_id"), doc.getString("level"),
                        doc.getString("reason"), doc.getDate("raisedAt").toInstant())));
        return alerts;
    }

    public long deleteClient(String clientId) {
        return collections.get(Collections.ALERTS).deleteMany(Filters.eq("clientId", clientId)).getDeletedCount();
    }
}
