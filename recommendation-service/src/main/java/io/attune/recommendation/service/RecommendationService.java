package io.attune.recommendation.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.mongodb.bulk.BulkWriteUpsert;
import com.mongodb.client.model.UpdateOneModel;
import io.attune.chassis.crisis.CrisisResources;
import io.attune.chassis.security.ClientRef;
import io.attune.chassis.tracing.TraceParents;
import io.attune.recommendation.Recommendation;
import io.attune.recommendation.RecommendationStatus;
import io.attune.recommendation.config.RecommendationConfig;
import io.attune.recommendation.policy.ActiveRecommendation;
import io.attune.recommendation.policy.ClientHistory;
import io.attune.recommendation.policy.Decision;
import io.attune.recommendation.policy.Exercise;
import io.attune.recommendation.policy.ExerciseIds;
import io.attune.recommendation.policy.Pick;
import io.attune.recommendation.policy.RecommendationPolicy;
import io.attune.recommendation.policy.SafetyLevel;
import io.attune.recommendation.policy.ScoreSnapshot;
import io.attune.recommendation.store.AlertStore;
import io.attune.recommendation.store.ClientAccessStore;
import io.attune.recommendation.store.ErasureMarkers;
import io.attune.recommendation.store.ExerciseStore;
import io.attune.recommendation.store.ProfileStore;
import io.attune.recommendation.store.RecommendationStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.context.Scope;
import io.quarkus.logging.Log;
import org.bson.Document;

/**
 * Turns each assessment into recommendations, one score at a time or a consumed batch at once. Safe to run twice
 * for the same score: the score is recorded in the client's profile with one idempotent update, recommendation ids
 * are derived from (assessment, exercise), and the score is marked decided only after its recommendations are
 * stored.
 */
@ApplicationScoped
public class RecommendationService {

    private final RecommendationPolicy policy;
    private final ProfileStore profiles;
    private final RecommendationStore recommendations;
    private final ExerciseStore exercises;
    private final AlertStore alerts;
    private final ErasureMarkers erasureMarkers;
    private final ClientAccessStore clientAccess;
    private final CrisisResources crisisResources;
    private final RecommendationEvents events;
    private final RecommendationConfig config;
    private final Clock clock;
    private final MeterRegistry metrics;

    public RecommendationService(RecommendationPolicy policy, ProfileStore profiles,
            RecommendationStore recommendations, ExerciseStore exercises, AlertStore alerts,
            ErasureMarkers erasureMarkers, ClientAccessStore clientAccess, CrisisResources crisisResources,
            RecommendationEvents events, RecommendationConfig config, Clock clock, MeterRegistry metrics) {
        this.policy = policy;
        this.profiles = profiles;
        this.recommendations = recommendations;
        this.exercises = exercises;
        this.alerts = alerts;
        this.erasureMarkers = erasureMarkers;
        this.clientAccess = clientAccess;
        this.crisisResources = crisisResources;
        this.events = events;
        this.config = config;
        this.clock = clock;
        this.metrics = metrics;
    }

    /**
     * A consumed score.
     *
     * @param sourceRecordedAt when the scored material was recorded; null when the event does not say
     * @param traceparent      the trace context of the record, carried onto the events it causes (or null)
     */
    public record ScoreInput(String clientId, String locale, ScoreSnapshot score, Instant sourceRecordedAt,
            String traceparent) {
    }

    /** What one score changes: open recommendations it supersedes (in order), new ones, and a coach alert. */
    private record Outcome(List<String> supersede, List<Recommendation> issue, AlertStore.CoachAlert alert,
            boolean crisis) {
    }

    /**
     * @param sourceRecordedAt when the scored material was recorded; null when the event does not say
     * @return the recommendations issued for this score; empty when it was handled before or the client was erased
     */
    public List<Recommendation> onScore(String clientId, String locale, ScoreSnapshot score, Instant sourceRecordedAt) {
        Optional<Instant> erasedAt = erasureMarkers.erasedAt(clientId);
        if (erasedBefore(score, sourceRecordedAt, erasedAt.orElse(null))) {
            return List.of();
        }
        profiles.record(clientId, score, config.historySize());
        if (profiles.isDecided(clientId, score.assessmentId())) {
            metrics.counter("attune.recommendation.duplicate-scores").increment();
            return List.of();
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<ScoreSnapshot> earlier = profiles.history(clientId).stream()
                .filter(s -> !s.assessmentId().equals(score.assessmentId()))
                .toList();
        Outcome outcome = decide(clientId, locale, score, earlier, recommendations.open(clientId),
                recommendations.feedbackStats(clientId), exercises.all(), now);
        for (String superseded : outcome.supersede()) {
            recommendations.transition(clientId, superseded, RecommendationStatus.SUPERSEDED, null, now)
                    .ifPresent(events::changed);
        }
        List<Recommendation> issued = new ArrayList<>();
        for (Recommendation recommendation : outcome.issue()) {
            if (recommendations.issue(recommendation)) {
                issued.add(recommendation);
                events.changed(recommendation);
                countIssued(recommendation);
            }
        }
        if (outcome.alert() != null) {
            alerts.raise(clientId, outcome.alert());
            countAlert(outcome);
        }
        profiles.markDecided(clientId, score.assessmentId());
        return issued;
    }

    /**
     * Decides on a batch of consumed scores with a few round trips for the whole batch instead of a dozen per
     * score. Each client's scores are decided in the given order, each on the state the ones before it left, as
     * {@link #onScore} would one after another; the outcome, and what a redelivery does, are the same:
     * <ol>
     * <li>one read each of erasure markers, profiles, open and closed recommendations, and the catalog;</li>
     * <li>one write recording every new score in its client's profile (as {@link #onScore} records before it
     * decides). A client whose profile changed since it was read, or that has a score recorded but not decided (an
     * earlier attempt stopped half-way), is instead processed one score at a time by {@link #onScore};</li>
     * <li>one ordered bulk write of the recommendations issued and superseded, with their outbox events, and one of
     * the coach alerts;</li>
     * <li>one write marking the scores decided, after which a redelivered score changes nothing.</li>
     * </ol>
     */
    public void onScores(List<ScoreInput> inputs) {
        Map<String, List<ScoreInput>> byClient = new LinkedHashMap<>();
        inputs.forEach(input -> byClient.computeIfAbsent(input.clientId(), k -> new ArrayList<>()).add(input));
        if (byClient.isEmpty()) {
            return;
        }
        Map<String, Instant> erased = erasureMarkers.erasedAt(byClient.keySet());
        Map<String, ProfileStore.Profile> loaded = profiles.load(byClient.keySet());
        Map<String, List<ScoreInput>> oneByOne = new LinkedHashMap<>();
        Map<String, List<Pending>> pending = new LinkedHashMap<>();
        List<ProfileStore.Profile> batched = new ArrayList<>();
        for (Map.Entry<String, List<ScoreInput>> client : byClient.entrySet()) {
            ProfileStore.Profile profile = loaded.get(client.getKey());
            List<ScoreInput> live = client.getValue().stream()
                    .filter(input -> !erasedBefore(input.score(), input.sourceRecordedAt(), erased.get(input.clientId())))
                    .toList();
            if (live.stream().anyMatch(input -> profile.isRecorded(input.score().assessmentId())
                    && !profile.isDecided(input.score().assessmentId()))) {
                oneByOne.put(client.getKey(), live);
                continue;
            }
            List<Pending> decisions = new ArrayList<>();
            for (ScoreInput input : live) {
                String scoreId = input.score().assessmentId();
                profile.record(input.score(), config.historySize());
                if (profile.isDecided(scoreId)) {
                    metrics.counter("attune.recommendation.duplicate-scores").increment();
                    continue;
                }
                decisions.add(new Pending(input, profile.history().stream()
                        .filter(s -> !s.assessmentId().equals(scoreId)).toList()));
                profile.markDecided(scoreId);
            }
            batched.add(profile);
            pending.put(client.getKey(), decisions);
        }
        for (String conflict : profiles.recordAll(batched, config.historySize())) {
            oneByOne.put(conflict, byClient.get(conflict));
            pending.remove(conflict);
            batched.removeIf(profile -> profile.clientId().equals(conflict));
        }
        decideAll(pending);
        profiles.markAllDecided(batched);
        oneByOne.forEach((clientId, scores) -> scores.forEach(input -> {
            try (Scope trace = TraceParents.restore(input.traceparent()).makeCurrent()) {
                onScore(clientId, input.locale(), input.score(), input.sourceRecordedAt());
            }
        }));
    }

    /** A score to decide in a batch, with the client's earlier scores as it sees them. */
    private record Pending(ScoreInput input, List<ScoreSnapshot> earlier) {
    }

    private void decideAll(Map<String, List<Pending>> pending) {
        if (pending.values().stream().allMatch(List::isEmpty)) {
            return;
        }
        Map<String, RecommendationStore.ClientState> states = recommendations.stateOf(pending.keySet());
        List<Exercise> catalog = exercises.all();
        List<UpdateOneModel<Document>> writes = new ArrayList<>();
        Map<Integer, Recommendation> issueAt = new HashMap<>();
        List<AlertStore.Raised> raised = new ArrayList<>();
        for (Map.Entry<String, List<Pending>> client : pending.entrySet()) {
            String clientId = client.getKey();
            RecommendationStore.ClientState state = states.get(clientId);
            List<Recommendation> open = new ArrayList<>(state.open());
            for (Pending next : client.getValue()) {
                ScoreInput input = next.input();
                Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
                Outcome outcome = decide(clientId, input.locale(), input.score(), next.earlier(), List.copyOf(open),
                        state.stats(), catalog, now);
                for (String superseded : outcome.supersede()) {
                    writes.add(recommendations.transitionWrite(clientId, superseded, RecommendationStatus.SUPERSEDED,
                            now, input.traceparent()));
                    open.removeIf(r -> r.id().equals(superseded));
                }
                for (Recommendation recommendation : outcome.issue()) {
                    issueAt.put(writes.size(), recommendation);
                    writes.add(recommendations.issueWrite(recommendation, input.traceparent()));
                    open.add(recommendation);
                }
                open.sort(RecommendationStore.OPEN_ORDER);
                if (outcome.alert() != null) {
                    raised.add(new AlertStore.Raised(clientId, outcome.alert()));
                    countAlert(outcome);
                }
            }
        }
        if (!writes.isEmpty()) {
            for (BulkWriteUpsert upsert : recommendations.writeAll(writes).getUpserts()) {
                Recommendation issued = issueAt.get(upsert.getIndex());
                if (issued != null) {
                    countIssued(issued);
                }
            }
            events.changedInBatch();
        }
        alerts.raiseAll(raised);
    }

    /**
     * What the policy makes of the score, given the client's earlier scores, open recommendations and feedback.
     * No side effects: the callers store the outcome, one score at a time or a batch at once.
     */
    private Outcome decide(String clientId, String locale, ScoreSnapshot score, List<ScoreSnapshot> earlier,
            List<Recommendation> open, RecommendationStore.FeedbackStats stats, List<Exercise> catalog, Instant now) {
        List<String> supersede = new ArrayList<>();
        if (score.safety() == SafetyLevel.CRISIS) {
            // The policy never duplicates an open seek-therapy, but one issued by escalation carries no crisis
            // resources and no coach alert. In a crisis it is superseded, so that the policy issues the crisis one
            // in its place.
            List<Recommendation> kept = new ArrayList<>();
            for (Recommendation recommendation : open) {
                if (ExerciseIds.SEEK_THERAPY.equals(recommendation.exerciseId())
                        && recommendation.crisisResources().isEmpty()) {
                    supersede.add(recommendation.id());
                } else {
                    kept.add(recommendation);
                }
            }
            open = kept;
        }
        ClientHistory history = new ClientHistory(earlier,
                open.stream().map(r -> new ActiveRecommendation(r.exerciseId(), r.issuedAt())).toList(),
                stats.lastDismissedAt(), stats.completedCount(), stats.meanHelpfulness());
        Decision decision = policy.decide(score, history, catalog, now);

        for (Recommendation superseded : open) {
            if (decision.supersede().contains(superseded.exerciseId())) {
                supersede.add(superseded.id());
            }
        }
        Map<String, Exercise> byId = catalog.stream().collect(Collectors.toMap(Exercise::id, Function.identity()));
        List<Recommendation> issue = new ArrayList<>();
        for (Pick pick : decision.picks()) {
            Exercise exercise = byId.get(pick.exerciseId());
            if (exercise == null) {
                Log.warnf("Policy picked %s, which is not in the catalog", pick.exerciseId());
                continue;
            }
            boolean crisisTherapy = decision.crisis() && ExerciseIds.SEEK_THERAPY.equals(pick.exerciseId());
            issue.add(new Recommendation(
                    RecommendationStore.idFor(score.assessmentId(), exercise.id()), clientId, exercise.id(),
                    exercise.title(), exercise.instructions(), exercise.durationMinutes(), RecommendationStatus.ACTIVE,
                    new Recommendation.Reason(pick.dimension(), pick.score(), pick.evidenceExcerpt(),
                            pick.assessmentId(), pick.summary()),
                    crisisTherapy ? crisisResources.forLocale(locale) : List.of(),
                    decision.coachAlert() && ExerciseIds.SEEK_THERAPY.equals(exercise.id()),
                    pick.rank(), now, now, null));
        }
        AlertStore.CoachAlert alert = !decision.coachAlert() ? null
                : new AlertStore.CoachAlert(score.assessmentId(), decision.crisis() ? "crisis" : "concern",
                        decision.crisis()
                                ? "Crisis language was detected; seek-therapy with crisis resources was issued."
                                : "Distress or concern has persisted across recent entries.",
                        now);
        return new Outcome(supersede, issue, alert, decision.crisis());
    }

    /** Material from before an erasure, delivered after it: storing it would undo the erasure. */
    private boolean erasedBefore(ScoreSnapshot score, Instant sourceRecordedAt, Instant erasedAt) {
        Instant recorded = sourceRecordedAt == null ? score.scoredAt() : sourceRecordedAt;
        if (erasedAt != null && !recorded.isAfter(erasedAt)) {
            metrics.counter("attune.recommendation.erased-client-scores").increment();
            Log.infof("Dropped score %s: its material was recorded before the client was erased",
                    score.assessmentId());
            return true;
        }
        return false;
    }

    private void countIssued(Recommendation recommendation) {
        metrics.counter("attune.recommendation.issued", "exercise", recommendation.exerciseId()).increment();
    }

    private void countAlert(Outcome outcome) {
        metrics.counter("attune.recommendation.coach-alerts", "crisis", String.valueOf(outcome.crisis())).increment();
    }

    /**
     * Applies client feedback.
     *
     * @throws IllegalTransitionException when the recommendation's status does not allow it
     */
    public Optional<Recommendation> feedback(String clientId, String id, RecommendationStatus target, Integer helpful,
            String note) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Optional<Recommendation> current = recommendations.find(clientId, id);
        if (current.isEmpty()) {
            return Optional.empty();
        }
        Recommendation.Feedback feedback = helpful == null && note == null ? null
                : new Recommendation.Feedback(helpful, note, now);
        Optional<Recommendation> updated = recommendations.transition(clientId, id, target, feedback, now);
        if (updated.isEmpty()) {
            RecommendationStatus from = recommendations.find(clientId, id).map(Recommendation::status)
                    .orElse(current.get().status());
            throw new IllegalTransitionException(from, target);
        }
        events.changed(updated.get());
        metrics.counter("attune.recommendation.feedback", "status", target.wireName()).increment();
        return updated;
    }

    /**
     * Deletes the profile, recommendations (with their feedback) and alerts of the client, and keeps a hashed
     * marker so scores of material recorded before {@code requestedAt} cannot bring them back.
     */
    public void erase(String clientId, Instant requestedAt) {
        Instant at = requestedAt == null ? clock.instant() : requestedAt;
        erasureMarkers.mark(clientId, at, clock.instant().plus(config.erasureMarkerRetention()));
        long removed = recommendations.deleteClient(clientId);
        alerts.deleteClient(clientId);
        profiles.delete(clientId);
        clientAccess.delete(clientId);
        Log.infof("Erased client %s (%d recommendations)", ClientRef.of(clientId), removed);
    }
}
