package io.attune.recommendation.messaging;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.attune.recommendation.policy.DimensionReading;
import io.attune.recommendation.policy.SafetyLevel;
import io.attune.recommendation.policy.ScoreSnapshot;
import io.attune.recommendation.service.RecommendationService;
import io.micrometer.core.annotation.Timed;
import io.opentelemetry.context.Scope;
import io.smallrye.common.annotation.Blocking;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Consumes {@code attunement-scores}. A message is acknowledged (and its offset committed) only after its
 * recommendations are stored. While MongoDB is unavailable the message is retried and the partition waits; only
 * one that can never be processed (unparseable, contract-invalid) is nacked into {@code attunement-scores-dlq}.
 */
@ApplicationScoped
public class ScoreConsumer {

    private static final int MAX_EXCERPT = 300;

    static final String CHANNEL = "attunement-scores";

    private final RecommendationService service;
    private final ObjectMapper mapper;
    private final RetryingProcessor processor;

    public ScoreConsumer(RecommendationService service, ObjectMapper mapper, RetryingProcessor processor) {
        this.service = service;
        this.mapper = mapper;
        this.processor = processor;
    }

    @Incoming(CHANNEL)
    @Timed(value = "attune.consumer.processing", extraTags = { "channel", CHANNEL },
            description = "Time from delivery of a record to its acknowledgement")
    @Blocking
    public CompletionStage<Void> onScore(Message<String> message) {
        if (CloudEventTypes.isOther(message, AttunementScoreComputed.TYPE)) {
            return message.ack();
        }
        AttunementScoreComputed score;
        ScoreSnapshot snapshot;
        try {
            score = mapper.readValue(message.getPayload(), AttunementScoreComputed.class);
            snapshot = toSnapshot(score);
        } catch (Exception e) {
            return processor.reject(CHANNEL, message, e);
        }
        return processor.process(CHANNEL, message, () -> {
            // The score's trace is current while it is decided, so the recommendations it causes continue it.
            try (Scope trace = MessageTracing.enter(message)) {
                service.onScore(score.clientId(), score.locale(), snapshot, score.sourceRecordedAt());
            }
        });
    }

    static ScoreSnapshot toSnapshot(AttunementScoreComputed score) {
        if (score.scoreId() == null || score.clientId() == null || score.overall() == null || score.safety() == null
                || score.dimensions() == null || score.scoredAt() == null) {
            throw new IllegalArgumentException("incomplete score event");
        }
        // Checked before the score reaches the profile: a stored unknown level would fail every later decision
        // for this client, since escalation reads the levels of earlier scores.
        SafetyLevel.of(score.safety().level());
        List<DimensionReading> readings = score.dimensions().stream()
                .map(d -> new DimensionReading(d.name(), d.score(), excerpt(d.evidence())))
                .toList();
        return new ScoreSnapshot(score.scoreId(), score.kind(), score.context(), score.overall().score(),
                score.overall().band(), readings, score.safety().level(), score.scoredAt());
    }

    /** The span that pulled the dimension down the most, else the one that raised it the most. */
    private static String excerpt(List<AttunementScoreComputed.Evidence> evidence) {
        if (evidence == null || evidence.isEmpty()) {
            return null;
        }
        AttunementScoreComputed.Evidence strongest = evidence.stream()
                .min(Comparator.comparingInt(AttunementScoreComputed.Evidence::effect))
                .filter(e -> e.effect() < 0)
                .orElseGet(() -> evidence.stream()
                        .max(Comparator.comparingInt(AttunementScoreComputed.Evidence::effect)).orElseThrow());
        String text = strongest.text();
        return text == null || text.length() <= MAX_EXCERPT ? text : text.substring(0, MAX_EXCERPT);
    }
}
