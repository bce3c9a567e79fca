package io.attune.recommendation.store;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.attune.chassis.paging.PageCursor;
import io.attune.chassis.tracing.TraceParents;
import io.attune.recommendation.Recommendation;
import io.attune.recommendation.RecommendationStatus;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Recommendations, each with its own outbox: every change appends an event to the document in the same atomic
 * update, and the relay removes it once the broker acknowledged it.
 */
@ApplicationScoped
public class RecommendationStore {

    /**
     * A change waiting to be published on {@code recommendations}, with the trace context of the score or request
     * that caused it (or null).
     */
    public record PendingEvent(String eventId, String change, Instant at, Recommendation recommendation,
            String traceparent) {
    }

    /** An event the broker acknowledged, to be removed from its recommendation's outbox. */
    public record Published(String recommendationId, String eventId) {
    }

    /** What the policy needs to know about a client's past feedback. */
    public record FeedbackStats(Map<String, Instant> lastDismissedAt, Map<String, Integer> completedCount,
            Map<String, Double> meanHelpfulness) {
    }

    /** What a decision needs to know about a client's recommendations: the open ones, oldest first, and feedback. */
    public record ClientState(List<Recommendation> open, FeedbackStats stats) {
    }

    /** A page of recommendations, newest first, and the cursor of the next page. */
    public record Page(List<Recommendation> items, PageCursor next) {
    }

    public static final String ISSUED = "issued";
    public static final String STATUS_CHANGED = "status-changed";

    /** The order of {@link #open}. */
    public static final Comparator<Recommendation> OPEN_ORDER = Comparator.comparing(Recommendation::issuedAt)
            .thenComparing(Recommendation::id);

    private final Collections collections;

    public RecommendationStore(Collections collections) {
        this.collections = collections;
    }

    /** Deterministic id: the same assessment never recommends the same exercise twice. */
    public static String idFor(String assessmentId, String exerciseId) {
        return UUID.nameUUIDFromBytes((assessmentId + "|" + exerciseId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Inserts the recommendation with its "issued" event unless it exists; returns whether it was new. */
    public boolean issue(Recommendation recommendation) {
        UpdateOneModel<Document> write = issueWrite(recommendation, TraceParents.current());
        var result = collections.get(Collections.RECOMMENDATIONS).updateOne(write.getFilter(), write.getUpdate(),
                write.getOptions());
        return result.getUpsertedId() != null;
    }

    /**
     * The write of {@link #issue} for a bulk write: an upsert that inserts the recommendation with its "issued"
     * event unless it exists, with the trace context of the score that caused it (or null).
     */
    public UpdateOneModel<Document> issueWrite(Recommendation recommendation, String traceparent) {
        Document doc = RecommendationDocuments.toDocument(recommendation);
        doc.remove("_id");
        doc.append("outbox", List.of(outboxEntry(recommendation.id(), ISSUED, recommendation.status(),
                recommendation.issuedAt(), traceparent)));
        doc.append("outboxCount", 1);
        return new UpdateOneModel<>(Filters.eq("_id", recommendation.id()), new Document("$setOnInsert", doc),
                new UpdateOptions().upsert(true));
    }

    /**
     * The write of {@link #transition} without feedback, for a bulk write: it applies only while the current
     * status allows it, and records the status-changed event in the same update.
     */
    public UpdateOneModel<Document> transitionWrite(String clientId, String id, RecommendationStatus target,
            Instant now, String traceparent) {
        return new UpdateOneModel<>(transitionFilter(clientId, id, target),
                Updates.combine(transitionUpdates(id, target, null, now, traceparent)));
    }

    /** Applies the writes in order, in one round trip; upserts report which issues were new. */
    public BulkWriteResult writeAll(List<? extends WriteModel<Document>> writes) {
        return collections.get(Collections.RECOMMENDATIONS).bulkWrite(writes);
    }

    /**
     * The open recommendations and feedback of each of these clients, in one read: what {@link #open} and
     * {@link #feedbackStats} return for each.
     */
    public Map<String, ClientState> stateOf(Collection<String> clientIds) {
        Map<String, List<Recommendation>> byClient = new HashMap<>();
        List<String> statuses = new ArrayList<>(RecommendationStatus.OPEN.stream().map(Enum::name).toList());
        statuses.add(RecommendationStatus.COMPLETED.name());
        statuses.add(RecommendationStatus.DISMISSED.name());
        collections.get(Collections.RECOMMENDATIONS)
                .find(Filters.and(Filters.in("clientId", clientIds), Filters.in("status", statuses)))
                .forEach(doc -> byClient.computeIfAbsent(doc.getString("clientId"), k -> new ArrayList<>())
                        .add(RecommendationDocuments.toRecommendation(doc)));
        Map<String, ClientState> states = new HashMap<>();
        for (String clientId : clientIds) {
            List<Recommendation> all = byClient.getOrDefault(clientId, List.of());
            List<Recommendation> open = all.stream()
                    .filter(r -> RecommendationStatus.OPEN.contains(r.status()))
                    .sorted(OPEN_ORDER)
                    .toList();
            states.put(clientId, new ClientState(open, statsOf(all.stream()
                    .filter(r -> !RecommendationStatus.OPEN.contains(r.status())).toList())));
        }
        return states;
    }

    public Optional<Recommendation> find(String clientId, String id) {
        return Optional.ofNullable(collections.get(Collections.RECOMMENDATIONS)
                .find(Filters.and(Filters.eq("_id", id), Filters.eq("clientId", clientId))).first())
                .map(RecommendationDocuments::toRecommendation);
    }

    /** Newest first; {@code status} may be null for all. */
    public Page list(String clientId, RecommendationStatus status, PageCursor after, int limit) {
        List<Bson> filters = new ArrayList<>();
        filters.add(Filters.eq("clientId", clientId));
        if (status != null) {
            filters.add(Filters.eq("status", status.name()));
        }
        if (after != null) {
            Date at = Date.from(after.at());
            // Implied by the $or below; stated so that the index scan starts at the cursor instead of the newest.
            filters.add(Filters.lte("issuedAt", at));
            filters.add(Filters.or(Filters.lt("issuedAt", at),
                    Filters.and(Filters.eq("issuedAt", at), Filters.lt("_id", after.id()))));
        }
        List<Recommendation> items = new ArrayList<>();
        collections.get(Collections.RECOMMENDATIONS).find(Filters.and(filters))
                .sort(Sorts.descending("issuedAt", "_id")).limit(limit + 1)
                .forEach(doc -> items.add(RecommendationDocuments.toRecommendation(doc)));
        PageCursor next = null;
        if (items.size() > limit) {
            items.remove(limit);
            Recommendation last = items.get(limit - 1);
            next = new PageCursor(last.issuedAt(), last.id());
        }
        return new Page(items, next);
    }

    /** The client's recommendations that still occupy an active slot. */
    public List<Recommendation> open(String clientId) {
        List<Recommendation> open = new ArrayList<>();
        collections.get(Collections.RECOMMENDATIONS)
                .find(Filters.and(Filters.eq("clientId", clientId),
                        Filters.in("status", RecommendationStatus.OPEN.stream().map(Enum::name).toList())))
                .sort(Sorts.ascending("issuedAt", "_id"))
                .forEach(doc -> open.add(RecommendationDocuments.toRecommendation(doc)));
        return open;
    }

    public FeedbackStats feedbackStats(String clientId) {
        List<Recommendation> closed = new ArrayList<>();
        collections.get(Collections.RECOMMENDATIONS)
                .find(Filters.and(Filters.eq("clientId", clientId),
                        Filters.in("status", List.of(RecommendationStatus.COMPLETED.name(),
                                RecommendationStatus.DISMISSED.name()))))
                .forEach(doc -> closed.add(RecommendationDocuments.toRecommendation(doc)));
        return statsOf(closed);
    }

    /** Feedback stats of a client's completed and dismissed recommendations. */
    private static FeedbackStats statsOf(List<Recommendation> closed) {
        Map<String, Instant> dismissed = new HashMap<>();
        Map<String, Integer> completed = new HashMap<>();
        Map<String, double[]> helpful = new HashMap<>();
        for (Recommendation r : closed) {
            if (r.status() == RecommendationStatus.DISMISSED) {
                dismissed.merge(r.exerciseId(), r.updatedAt(), (a, b) -> a.isAfter(b) ? a : b);
            } else {
                completed.merge(r.exerciseId(), 1, Integer::sum);
            }
            if (r.feedback() != null && r.feedback().helpful() != null) {
                double[] sum = helpful.computeIfAbsent(r.exerciseId(), k -> new double[2]);
                sum[0] += r.feedback().helpful();
                sum[1]++;
            }
        }
        Map<String, Double> mean = new HashMap<>();
        helpful.forEach((id, sum) -> mean.put(id, sum[0] / sum[1]));
        return new FeedbackStats(dismissed, completed, mean);
    }

    /**
     * Moves a recommendation to {@code target} if its current status allows it, recording feedback and the
     * status-changed event in the same update.
     *
     * @return the updated recommendation, or empty when the transition is not allowed (or there is no such one)
     */
    public Optional<Recommendation> transition(String clientId, String id, RecommendationStatus target,
            Recommendation.Feedback feedback, Instant now) {
        Document updated = collections.get(Collections.RECOMMENDATIONS).findOneAndUpdate(
                transitionFilter(clientId, id, target),
                Updates.combine(transitionUpdates(id, target, feedback, now, TraceParents.current())),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return Optional.ofNullable(updated).map(RecommendationDocuments::toRecommendation);
    }

    private static Bson transitionFilter(String clientId, String id, RecommendationStatus target) {
        return Filters.and(Filters.eq("_id", id), Filters.eq("clientId", clientId),
                Filters.in("status", target.reachableFrom().stream().map(Enum::name).toList()));
    }

    private static List<Bson> transitionUpdates(String id, RecommendationStatus target,
            Recommendation.Feedback feedback, Instant now, String traceparent) {
        List<Bson> updates = new ArrayList<>();
        updates.add(Updates.set("status", target.name()));
        updates.add(Updates.set("updatedAt", Date.from(now)));
        if (feedback != null) {
            updates.add(Updates.set("feedback", new Document("helpful", feedback.helpful())
                    .append("note", feedback.note()).append("at", Date.from(feedback.at()))));
        }
        updates.add(Updates.push("outbox", outboxEntry(id, STATUS_CHANGED, target, now, traceparent)));
        updates.add(Updates.inc("outboxCount", 1));
        // Every step, for the coach dashboard; the note is the client's words and stays only in the latest feedback.
        updates.add(Updates.push("history", new Document("status", target.name())
                .append("helpful", feedback == null ? null : feedback.helpful()).append("at", Date.from(now))));
        return updates;
    }

    /** One status change made through feedback, with how helpful the client found the exercise then. */
    public record FeedbackStep(RecommendationStatus status, Integer helpful, Instant at) {
    }

    /** The feedback steps of the client's recommendations, oldest first, by recommendation id. */
    public Map<String, List<FeedbackStep>> feedbackHistory(String clientId) {
        Map<String, List<FeedbackStep>> history = new HashMap<>();
        collections.get(Collections.RECOMMENDATIONS).find(Filters.eq("clientId", clientId))
                .projection(new Document("history", 1))
                .forEach(doc -> history.put(doc.getString("_id"), doc.getList("history", Document.class, List.of())
                        .stream().map(step -> new FeedbackStep(RecommendationStatus.valueOf(step.getString("status")),
                                step.getInteger("helpful"), step.getDate("at").toInstant()))
                        .toList()));
        return history;
    }

    /** Recommendations with events not yet acknowledged by the broker, oldest change first. */
    public List<PendingEvent> pendingEvents(int limit) {
        List<PendingEvent> events = new ArrayList<>();
        collections.get(Collections.RECOMMENDATIONS).find(Filters.gt("outboxCount", 0))
                .sort(Sorts.ascending("updatedAt")).limit(limit)
                .forEach(doc -> {
                    Recommendation recommendation = RecommendationDocuments.toRecommendation(doc);
                    for (Document entry : doc.getList("outbox", Document.class, List.of())) {
                        Recommendation asOfEvent = withStatus(recommendation,
                                RecommendationStatus.valueOf(entry.getString("status")));
                        events.add(new PendingEvent(entry.getString("eventId"), entry.getString("change"),
                                entry.getDate("at").toInstant(), asOfEvent, entry.getString("traceparent")));
                    }
                });
        return events;
    }

    public void eventPublished(String recommendationId, String eventId) {
        UpdateOneModel<Document> write = publishedWrite(new Published(recommendationId, eventId));
        collections.get(Collections.RECOMMENDATIONS).updateOne(write.getFilter(), write.getUpdate());
    }

    /** Removes these published events from their outboxes, each as {@link #eventPublished} does, in one round trip. */
    public void eventsPublished(List<Published> events) {
        collections.get(Collections.RECOMMENDATIONS).bulkWrite(
                events.stream().map(RecommendationStore::publishedWrite).toList(), new BulkWriteOptions().ordered(false));
    }

    private static UpdateOneModel<Document> publishedWrite(Published event) {
        // Matches only while the event is in the outbox, so removing it twice is harmless.
        return new UpdateOneModel<>(
                Filters.and(Filters.eq("_id", event.recommendationId()), Filters.eq("outbox.eventId", event.eventId())),
                Updates.combine(Updates.pull("outbox", new Document("eventId", event.eventId())),
                        Updates.inc("outboxCount", -1)));
    }

    public long deleteClient(String clientId) {
        return collections.get(Collections.RECOMMENDATIONS).deleteMany(Filters.eq("clientId", clientId))
                .getDeletedCount();
    }

    private static Document outboxEntry(String recommendationId, String change, RecommendationStatus status,
            Instant at, String traceparent) {
        String eventId = UUID.nameUUIDFromBytes((recommendationId + "|" + change + "|" + status.name() + "|"
                + at.toEpochMilli()).getBytes(StandardCharsets.UTF_8)).toString();
        Document entry = new Document("eventId", eventId).append("change", change).append("status", status.name())
                .append("at", Date.from(at));
        // The relay publishes later, on another thread: the trace of this change travels on the event.
        if (traceparent != null) {
            entry.append("traceparent", traceparent);
        }
        return entry;
    }

    private static Recommendation withStatus(Recommendation r, RecommendationStatus status) {
        return new Recommendation(r.id(), r.clientId(), r.exerciseId(), r.title(), r.instructions(),
                r.durationMinutes(), status, r.reason(), r.crisisResources(), r.coachAlert(), r.rank(), r.issuedAt(),
                r.updatedAt(), r.feedback());
    }
}
