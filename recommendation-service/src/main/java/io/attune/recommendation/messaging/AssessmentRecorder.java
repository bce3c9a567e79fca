package io.attune.recommendation.messaging;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.attune.chassis.security.ClientRef;
import io.attune.recommendation.config.RecommendationConfig;
import io.attune.recommendation.store.AssessmentStore;
import io.attune.recommendation.store.ErasureMarkers;
import io.micrometer.core.annotation.Timed;
import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Blocking;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Keeps the assessments the coach dashboard shows (evidence spans, key moments), in a consumer group of its own
 * ({@code recommendation-dashboard}) on {@code attunement-scores} and {@code client-erasures}, so the dashboard
 * neither slows nor changes the recommendation path. A record this group cannot read is acknowledged and skipped:
 * the recommendation consumers read the same record and dead-letter it.
 */
@ApplicationScoped
public class AssessmentRecorder {

    static final String SCORES = "dashboard-scores";
    static final String ERASURES = "dashboard-erasures";

    private final AssessmentStore assessments;
    private final ErasureMarkers erasureMarkers;
    private final ObjectMapper mapper;
    private final RetryingProcessor processor;
    private final RecommendationConfig config;
    private final SealedScores sealedScores;

    public AssessmentRecorder(AssessmentStore assessments, ErasureMarkers erasureMarkers, ObjectMapper mapper,
            RetryingProcessor processor, RecommendationConfig config, SealedScores sealedScores) {
        this.assessments = assessments;
        this.erasureMarkers = erasureMarkers;
        this.mapper = mapper;
        this.processor = processor;
        this.config = config;
        this.sealedScores = sealedScores;
    }

    @Incoming(SCORES)
    @Timed(value = "attune.consumer.processing", extraTags = { "channel", SCORES },
            description = "Time from delivery of a record to its acknowledgement")
    @Blocking
    public CompletionStage<Void> onScore(Message<String> message) {
        if (CloudEventTypes.isOther(message, AttunementScoreComputed.TYPE)) {
            return message.ack();
        }
        AssessmentStore.Assessment assessment;
        Instant recorded;
        try {
            SealedScores.Opened opened = sealedScores.open(SCORES, message.getPayload());
            if (opened.outcome() == SealedScores.Outcome.STOPPING) {
                // The service stops: left unsettled, so its offset stays uncommitted for the next owner.
                return new CompletableFuture<>();
            }
            if (opened.outcome() == SealedScores.Outcome.KEY_ERASED) {
                return message.ack();
            }
            AttunementScoreComputed score = opened.score();
            ScoreConsumer.requireComplete(score);
            assessment = toAssessment(score);
            recorded = score.sourceRecordedAt() == null ? score.scoredAt() : score.sourceRecordedAt();
        } catch (Exception e) {
            Log.debugf("%s: skipping an unreadable score (dead-lettered by %s): %s", SCORES, ScoreConsumer.CHANNEL,
                    e.getClass().getName());
            return message.ack();
        }
        return processor.process(SCORES, message, () -> {
            Optional<Instant> erasedAt = erasureMarkers.erasedAt(assessment.clientId());
            if (erasedAt.isPresent() && !recorded.isAfter(erasedAt.get())) {
                // Material from before the erasure, delivered after it: storing it would undo the erasure.
                return;
            }
            assessments.save(assessment);
        });
    }

    @Incoming(ERASURES)
    @Timed(value = "attune.consumer.processing", extraTags = { "channel", ERASURES },
            description = "Time from delivery of a record to its acknowledgement")
    @Blocking
    public CompletionStage<Void> onErasure(Message<String> message) {
        if (CloudEventTypes.isOther(message, ClientErasureRequested.TYPE)) {
            return message.ack();
        }
        ClientErasureRequested erasure;
        try {
            erasure = ClientErasureRequested.read(mapper, message.getPayload());
        } catch (Exception e) {
            Log.debugf("%s: skipping an unreadable erasure (dead-lettered by %s)", ERASURES, ErasureConsumer.CHANNEL);
            return message.ack();
        }
        return processor.process(ERASURES, message, () -> {
            Instant at = erasure.requestedAt() == null ? Instant.now() : erasure.requestedAt();
            // Marked here as well: this group may run ahead of the recommendation group's erasure.
            erasureMarkers.mark(erasure.clientId(), at, Instant.now().plus(config.erasureMarkerRetention()));
            long removed = assessments.deleteClient(erasure.clientId());
            Log.infof("Erased %d dashboard assessments of client %s", removed, ClientRef.of(erasure.clientId()));
        });
    }

    static AssessmentStore.Assessment toAssessment(AttunementScoreComputed score) {
        List<AssessmentStore.Dimension> dimensions = score.dimensions().stream()
                .map(d -> new AssessmentStore.Dimension(d.name(), d.score(), d.evidence() == null ? List.of()
                        : d.evidence().stream().map(e -> new AssessmentStore.Span(e.turn(), e.start(), e.end(),
                                e.text(), e.signal(), e.effect())).toList()))
                .toList();
        List<AssessmentStore.KeyMoment> moments = score.keyMoments() == null ? List.of()
                : score.keyMoments().stream()
                        .map(k -> new AssessmentStore.KeyMoment(k.turn(), k.signal(), k.impact())).toList();
        return new AssessmentStore.Assessment(score.scoreId(), score.clientId(), score.kind(), score.context(),
                score.sourceId(), score.overall().score(), score.overall().band(), score.safety().level(),
                score.scoredAt(), dimensions, moments);
    }
}
