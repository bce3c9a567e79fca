package io.attune.recommendation.store;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import io.attune.chassis.crisis.CrisisResources;
import io.attune.recommendation.Recommendation;
import io.attune.recommendation.RecommendationStatus;
import org.bson.Document;

/** Maps recommendations to and from their stored form. */
final class RecommendationDocuments {

    private RecommendationDocuments() {
    }

    static Document toDocument(Recommendation r) {
        Recommendation.Reason reason = r.reason();
        return new Document("_id", r.id())
                .append("clientId", r.clientId())
                .append("exerciseId", r.exerciseId())
                .append("title", r.title())
                .append("instructions", r.instructions())
                .append("durationMinutes", r.durationMinutes())
                .append("status", r.status().name())
                .append("reason", new Document("dimension", reason.dimension())
                        .append("score", reason.score())
                        .append("evidence", reason.evidence())
                        .append("assessmentId", reason.assessmentId())
                        .append("summary", reason.summary()))
                .append("crisisResources", r.crisisResources().stream()
                        .map(c -> new Document("name", c.name()).append("contact", c.contact()).append("url", c.url()))
                        .toList())
                .append("coachAlert", r.coachAlert())
                .append("rank", r.rank())
                .append("issuedAt", Date.from(r.issuedAt()))
                .append("updatedAt", Date.from(r.updatedAt()));
    }

    static Recommendation toRecommendation(Document doc) {
        Document reason = doc.get("reason", Document.class);
        Document feedback = doc.get("feedback", Document.class);
        List<CrisisResources.Resource> resources = doc.getList("crisisResources", Document.class, List.of()).stream()
                .map(c -> new CrisisResources.Resource(c.getString("name"), c.getString("contact"), c.getString("url")))
                .toList();
        return new Recommendation(doc.getString("_id"), doc.getString("clientId"), doc.getString("exerciseId"),
                doc.getString("title"), doc.getString("instructions"), doc.getInteger("durationMinutes", 0),
                RecommendationStatus.valueOf(doc.getString("status")),
                new Recommendation.Reason(reason.getString("dimension"), reason.getInteger("score"),
                        reason.getString("evidence"), reason.getString("assessmentId"), reason.getString("summary")),
                resources, doc.getBoolean("coachAlert", false), ((Number) doc.get("rank")).doubleValue(),
                doc.getDate("issuedAt").toInstant(), doc.getDate("updatedAt").toInstant(),
                feedback == null ? null : new Recommendation.Feedback(feedback.getInteger("helpful"),
                        feedback.getString("note"), toInstant(feedback.getDate("at"))));
    }

    private static Instant toInstant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
