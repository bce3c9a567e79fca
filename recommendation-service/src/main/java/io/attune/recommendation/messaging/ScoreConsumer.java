package io.attune.recommendation.messaging;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import io.attune.chassis.tracing.TraceParents;
import io.attune.recommendation.policy.DimensionReading;
import io.attune.recommendation.policy.SafetyLevel;
import io.attune.recommendation.policy.ScoreSnapshot;
import io.attune.recommendation.service.RecommendationService;
import io.attune.recommendation.service.RecommendationService.ScoreInput;
import io.micrometer.core.annotation.Timed;
import io.opentelemetry.context.Scope;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Consumes {@code attunement-scores} in batches (as many records as one poll returns): the batch is decided with a
 * few MongoDB round trips in all (see {@link RecommendationService#onScores}), and acknowledged (its offsets
 * committed) only after its recommendations are stored. While MongoDB is unavailable the batch is retried and the
 * partitions wait; only a record that can never be processed (unparseable, contract-invalid) is nacked into
 * {@code attunement-scores-dlq}, and its siblings are processed.
 *
 * <p>Evidence quotes arrive sealed with the client's data key and are opened by {@link SealedScores}; a score whose
 * key is gone (the client was erased) is skipped and counted.
 */
@ApplicationScoped
public class ScoreConsumer {

    private static final int MAX_EXCERPT = 300;

    static final String CHANNEL = "attunement-scores";

    /** A record of the batch and the score it carries. */
    private record Consumed(Message<String> message, ScoreInput input) {
    }

    private final RecommendationService service;
    private final RetryingProcessor processor;
    private final SealedScores sealedScores;

    public ScoreConsumer(RecommendationService service, RetryingProcessor processor, SealedScores sealedScores) {
        this.service = service;
        this.processor = processor;
        this.sealedScores = sealedScores;
    }

    @Incoming(CHANNEL)
    @Timed(value = "attune.consumer.processing", extraTags = { "channel", CHANNEL },
            description = "Time from delivery of a batch of records to its acknowledgement")
    @Blocking
    public CompletionStage<Void> onScores(KafkaRecordBatch<String, String> batch) {
        List<Consumed> scores = new ArrayList<>();
        List<CompletionStage<Void>> rejected = new ArrayList<>();
        // In offset order per partition, so each client's scores keep their order.
        for (KafkaRecord<String, String> record : batch) {
            if (CloudEventTypes.isOther(record, AttunementScoreComputed.TYPE)) {
                continue;
            }
            SealedScores.Opened opened;
            try {
                opened = sealedScores.open(CHANNEL, record.getPayload());
            } catch (Exception e) {
                rejected.add(processor.reject(CHANNEL, record, e));
                continue;
            }
            if (opened.outcome() == SealedScores.Outcome.STOPPING) {
                // The service stops: left unsettled, so the offsets stay uncommitted for the next owner.
                return new CompletableFuture<>();
            }
            if (opened.outcome() == SealedScores.Outcome.KEY_ERASED) {
                continue;
            }
            try {
                scores.add(new Consumed(record, toInput(record, opened.score())));
            } catch (Exception e) {
                rejected.add(processor.reject(CHANNEL, record, e));
            }
        }
        return processor.processBatch(CHANNEL, batch, scores, Consumed::message,
                all -> service.onScores(all.stream().map(Consumed::input).toList()),
                one -> {
                    // The score's trace is current while it is decided, so the recommendations it causes continue it.
                    try (Scope trace = MessageTracing.enter(one.message())) {
                        ScoreInput input = one.input();
                        service.onScore(input.clientId(), input.locale(), input.score(), input.sourceRecordedAt());
                    }
                }, rejected);
    }

    /** The event→domain mapping of one record, with the record's trace context for the events it causes. */
    private ScoreInput toInput(Message<String> message, AttunementScoreComputed score) {
        ScoreSnapshot snapshot = toSnapshot(score);
        String traceparent;
        try (Scope trace = MessageTracing.enter(message)) {
            traceparent = TraceParents.current();
        }
        return new ScoreInput(score.clientId(), score.locale(), snapshot, score.sourceRecordedAt(), traceparent);
    }

    static ScoreSnapshot toSnapshot(AttunementScoreComputed score) {
        requireComplete(score);
        List<DimensionReading> readings = score.dimensions().stream()
                .map(d -> new DimensionReading(d.name(), d.score(), excerpt(d.evidence())))
                .toList();
        return new ScoreSnapshot(score.scoreId(), score.kind(), score.context(), score.overall().score(),
                score.overall().band(), readings, score.safety().level(), score.scoredAt());
    }

    /** Throws IllegalArgumentException for a score event no consumer can use: a field missing, an unknown level. */
    static void requireComplete(AttunementScoreComputed score) {
        if (score.scoreId() == null || score.clientId() == null || score.overall() == null || score.safety() == null
                || score.dimensions() == null || score.scoredAt() == null) {
            throw new IllegalArgumentException("incomplete score event");
        }
        // Checked before the score reaches the profile: a stored unknown level would fail every later decision
        // for this client, since escalation reads the levels of earlier scores.
        SafetyLevel.of(score.safety().level());
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
