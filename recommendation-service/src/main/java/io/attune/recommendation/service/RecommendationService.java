package io.attune.recommendation.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.attune.chassis.crisis.CrisisResources;
import io.attune.chassis.security.ClientRef;
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
import io.quarkus.logging.Log;

/**
 * Turns each assessment into recommendations. Safe to run twice for the same score: the score is recorded in
 * the client's profile with one idempotent update, recommendation ids are derived from (assessment, exercise),
 * and the score is marked decided only after its recommendations are stored.
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
     * @param sourceRecordedAt when the scored material was recorded; null when the event does not say
     * @return the recommendations issued for this score; empty when it was handled before or the client was erased
     */
    public List<Recommendation> onScore(String clientId, String locale, ScoreSnapshot score, Instant sourceRecordedAt) {
        Instant recorded = sourceRecordedAt == null ? score.scoredAt() : sourceRecordedAt;
        Optional<Instant> erasedAt = erasureMarkers.erasedAt(clientId);
        if (erasedAt.isPresent() && !recorded.isAfter(erasedAt.get())) {
            // Material from before the erasure, delivered after it: storing it would undo the erasure.
            metrics.counter("attune.recommendation.erased-client-scores").increment();
            Log.infof("Dropped score %s: its material was recorded before the client was erased",
                    score.assessmentId());
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
        List<Recommendation> open = recommendations.open(clientId);
        if (score.safety() == SafetyLevel.CRISIS) {
            open = retireTherapyWithoutCrisisResources(clientId, open, now);
        }
        RecommendationStore.FeedbackStats stats = recommendations.feedbackStats(clientId);
        ClientHistory history = new ClientHistory(earlier,
                open.stream().map(r -> new ActiveRecommendation(r.exerciseId(), r.issuedAt())).toList(),
                stats.lastDismissedAt(), stats.completedCount(), stats.meanHelpfulness());
        List<Exercise> catalog = exercises.all();
        Decision decision = policy.decide(score, history, catalog, now);

        for (Recommendation superseded : open) {
            if (decision.supersede().contains(superseded.exerciseId())) {
                recommendations.transition(clientId, superseded.id(), RecommendationStatus.SUPERSEDED, null, now)
                        .ifPresent(events::changed);
            }
        }
        Map<String, Exercise> byId = catalog.stream().collect(Collectors.toMap(Exercise::id, Function.identity()));
        List<Recommendation> issued = new ArrayList<>();
        for (Pick pick : decision.picks()) {
            Exercise exercise = byId.get(pick.exerciseId());
            if (exercise == null) {
                Log.warnf("Policy picked %s, which is not in the catalog", pick.exerciseId());
                continue;
            }
            boolean crisisTherapy = decision.crisis() && ExerciseIds.SEEK_THERAPY.equals(pick.exerciseId());
            Recommendation recommendation = new Recommendation(
                    RecommendationStore.idFor(score.assessmentId(), exercise.id()), clientId, exercise.id(),
                    exercise.title(), exercise.instructions(), exercise.durationMinutes(), RecommendationStatus.ACTIVE,
                    new Recommendation.Reason(pick.dimension(), pick.score(), pick.evidenceExcerpt(),
                            pick.assessmentId(), pick.summary()),
                    crisisTherapy ? crisisResources.forLocale(locale) : List.of(),
                    decision.coachAlert() && ExerciseIds.SEEK_THERAPY.equals(exercise.id()),
                    pick.rank(), now, now, null);
            if (recommendations.issue(recommendation)) {
                issued.add(recommendation);
                events.changed(recommendation);
                metrics.counter("attune.recommendation.issued", "exercise", exercise.id()).increment();
            }
        }
        if (decision.coachAlert()) {
            alerts.raise(clientId, new AlertStore.CoachAlert(score.assessmentId(),
                    decision.crisis() ? "crisis" : "concern",
                    decision.crisis() ? "Crisis language was detected; seek-therapy with crisis resources was issued."
                            : "Distress or concern has persisted across recent entries.",
                    now));
            metrics.counter("attune.recommendation.coach-alerts", "crisis", String.valueOf(decision.crisis()))
                    .increment();
        }
        profiles.markDecided(clientId, score.assessmentId());
        return issued;
    }

    /**
     * The policy never duplicates an open seek-therapy, but one issued by escalation carries no crisis resources
     * and no coach alert. In a crisis it is superseded, so that the policy issues the crisis one in its place.
     */
    private List<Recommendation> retireTherapyWithoutCrisisResources(String clientId, List<Recommendation> open,
            Instant now) {
        List<Recommendation> kept = new ArrayList<>();
        for (Recommendation recommendation : open) {
            if (ExerciseIds.SEEK_THERAPY.equals(recommendation.exerciseId())
                    && recommendation.crisisResources().isEmpty()) {
                recommendations.transition(clientId, recommendation.id(), RecommendationStatus.SUPERSEDED, null, now)
                        .ifPresent(events::changed);
            } else {
                kept.add(recommendation);
            }
        }
        return kept;
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
