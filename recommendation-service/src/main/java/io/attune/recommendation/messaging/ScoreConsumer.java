package io.attune.recommendation.messaging;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.attune.chassis.crypto.ClientKeys;
import io.attune.chassis.crypto.DataKey;
import io.attune.chassis.crypto.SealedFields;
import io.attune.recommendation.policy.DimensionReading;
import io.attune.recommendation.policy.SafetyLevel;
import io.attune.recommendation.policy.ScoreSnapshot;
import io.attune.recommendation.service.RecommendationService;
import io.micrometer.core.annotation.Timed;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.context.Scope;
import io.smallrye.common.annotation.Blocking;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Consumes {@code attunement-scores}. A message is acknowledged (and its offset committed) only after its
 * recommendations are stored. While MongoDB is unavailable the message is retried and the partition waits; only
 * one that can never be processed (unparseable, contract-invalid) is nacked into {@code attunement-scores-dlq}.
 *
 * <p>Evidence quotes arrive sealed with the client's data key (docs/security.md#crypto-shredding); they are opened
 * on the JSON tree, before it is mapped, with the key from {@link ClientKeys}. A score whose key is gone (the
 * client was erased) is skipped and counted.
 */
@ApplicationScoped
public class ScoreConsumer {

    private static final int MAX_EXCERPT = 300;

    static final String CHANNEL = "attunement-scores";

    private final RecommendationService service;
    private final ObjectMapper mapper;
    private final RetryingProcessor processor;
    private final ClientKeys keys;
    private final MeterRegistry metrics;

    public ScoreConsumer(RecommendationService service, ObjectMapper mapper, RetryingProcessor processor,
            ClientKeys keys, MeterRegistry metrics) {
        this.keys = keys;
        this.metrics = metrics;
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
        JsonNode tree;
        Optional<String> kid;
        try {
            tree = mapper.readTree(message.getPayload());
            if (tree == null || !tree.isObject() || !tree.path("clientId").isTextual()) {
                throw new IllegalArgumentException("not a score of a client");
            }
            kid = SealedFields.kid(tree);
        } catch (Exception e) {
            return processor.reject(CHANNEL, message, e);
        }
        DataKey key = null;
        if (kid.isPresent()) {
            // Mostly from the cache; while journal-service cannot be asked, the record waits like for MongoDB.
            String clientId = tree.get("clientId").asText();
            Optional<Optional<DataKey>> found;
            try {
                found = processor.retrying(CHANNEL, () -> keys.await(clientId, kid.get()));
            } catch (RuntimeException e) {
                return processor.reject(CHANNEL, message, e);
            }
            if (found.isEmpty()) {
                // The service stops: left unsettled, so its offset stays uncommitted for the next owner.
                return new CompletableFuture<>();
            }
            if (found.get().isEmpty()) {
                return skipErased(message);
            }
            key = found.get().get();
        }
        return consume(message, tree, key);
    }

    private CompletionStage<Void> consume(Message<String> message, JsonNode tree, DataKey key) {
        AttunementScoreComputed score;
        ScoreSnapshot snapshot;
        try {
            if (key != null) {
                SealedFields.openAll(tree, key);
            }
            score = mapper.treeToValue(tree, AttunementScoreComputed.class);
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

    /**
     * The client was erased and their key destroyed: the evidence is meant to be unreadable, and the erasure
     * deletes everything this service holds of them. Neither a retry nor the DLQ could do anything with it.
     */
    private CompletionStage<Void> skipErased(Message<String> message) {
        metrics.counter("attune.crypto.unreadable", "channel", CHANNEL, "reason", "key-erased").increment();
        return message.ack();
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
