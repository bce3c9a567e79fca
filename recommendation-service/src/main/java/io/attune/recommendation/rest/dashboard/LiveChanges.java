package io.attune.recommendation.rest.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import io.attune.chassis.problem.ProblemException;
import io.attune.chassis.security.Caller;
import io.attune.chassis.security.ClientAccess;
import io.attune.chassis.security.ClientAction;
import io.attune.recommendation.Recommendation;
import io.attune.recommendation.config.DashboardConfig;
import io.attune.recommendation.policy.ScoreSnapshot;
import io.attune.recommendation.service.AccessControl;
import io.attune.recommendation.store.AlertStore;
import io.attune.recommendation.store.ClientAccessStore;
import io.attune.recommendation.store.ProfileStore;
import io.attune.recommendation.store.RecommendationStore;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Tells an open dashboard page which parts of its client changed. It compares, at every interval, a fingerprint
 * of each part read from MongoDB, so it sees what any replica stored (assessments, alerts and recommendations
 * from the consumers, consent from {@code client-access}) without a broker subscription per page.
 */
@ApplicationScoped
public class LiveChanges {

    static final String ASSESSMENTS = "assessments";
    static final String ALERTS = "alerts";
    static final String RECOMMENDATIONS = "recommendations";
    static final String CONSENT = "consent";
    static final String OPEN = "open";
    private static final int RECENT = 50;

    private final ProfileStore profiles;
    private final AlertStore alerts;
    private final RecommendationStore recommendations;
    private final ClientAccessStore access;
    private final AccessControl accessControl;
    private final DashboardConfig config;

    public LiveChanges(ProfileStore profiles, AlertStore alerts, RecommendationStore recommendations,
            ClientAccessStore access, AccessControl accessControl, DashboardConfig config) {
        this.profiles = profiles;
        this.alerts = alerts;
        this.recommendations = recommendations;
        this.access = access;
        this.accessControl = accessControl;
        this.config = config;
    }

    /**
     * {@code open} at once (so the browser knows the stream is live), then the names of changed parts, as they
     * change; ends when the coach may no longer see the client.
     */
    public Multi<String> changes(Caller coach, String clientId) {
        AtomicReference<Map<String, Object>> last = new AtomicReference<>(snapshot(clientId));
        return Multi.createBy().concatenating().streams(Multi.createFrom().item(OPEN), looks(coach, clientId, last));
    }

    private Multi<String> looks(Caller coach, String clientId, AtomicReference<Map<String, Object>> last) {
        // A slow look skips ticks instead of queueing them; the looks read MongoDB, so they run on a worker.
        return Multi.createFrom().ticks().every(config.liveInterval())
                .onOverflow().drop()
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(tick -> {
                    if (!allowed(coach, clientId)) {
                        return Optional.<List<String>>empty();
                    }
                    Map<String, Object> now = snapshot(clientId);
                    List<String> changed = new ArrayList<>();
                    now.forEach((part, fingerprint) -> {
                        if (!Objects.equals(fingerprint, last.get().get(part))) {
                            changed.add(part);
                        }
                    });
                    last.set(now);
                    return Optional.of(changed);
                })
                .select().first(Optional::isPresent)
                .onItem().transformToIterable(Optional::get);
    }

    private boolean allowed(Caller coach, String clientId) {
        try {
            accessControl.authorize(coach, ClientAction.READ_SCORES, clientId);
            return true;
        } catch (ProblemException e) {
            return false;
        }
    }

    private Map<String, Object> snapshot(String clientId) {
        List<ScoreSnapshot> history = profiles.history(clientId);
        Object assessments = history.isEmpty() ? List.of()
                : List.of(history.size(), history.get(history.size() - 1).assessmentId());
        List<String> alertState = alerts.forClient(clientId, RECENT).stream()
                .map(a -> a.assessmentId() + "|" + a.acknowledgedAt()).toList();
        List<String> recommendationState = recommendations.list(clientId, null, null, RECENT).items().stream()
                .map(LiveChanges::state).toList();
        Object consent = access.find(clientId).map(ClientAccess::shareTextWithCoach).orElse(false);
        return Map.of(ASSESSMENTS, assessments, ALERTS, alertState, RECOMMENDATIONS, recommendationState, CONSENT,
                consent);
    }

    private static String state(Recommendation r) {
        return r.id() + "|" + r.status().wireName() + "|" + r.updatedAt();
    }
}
