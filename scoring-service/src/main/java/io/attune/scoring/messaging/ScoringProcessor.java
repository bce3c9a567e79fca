package io.attune.scoring.messaging;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.attune.chassis.crypto.ClientKeys;
import io.attune.chassis.crypto.DataKeys;
import io.attune.chassis.crypto.DataKey;
import io.attune.chassis.crypto.KeyServiceUnavailableException;
import io.attune.chassis.crypto.SealedFields;
import io.attune.scoring.config.ScoringConfig;
import io.attune.scoring.engine.Assessment;
import io.attune.scoring.engine.AttunementAnalyzer;
import io.attune.scoring.engine.ConversationSample;
import io.attune.scoring.engine.EmotionTag;
import io.attune.scoring.engine.JournalEntry;
import io.attune.scoring.engine.Turn;
import io.attune.scoring.mapping.AssessmentView;
import io.micrometer.core.annotation.Timed;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Scores each recorded journal entry and conversation sample and publishes one {@code attunement-scores} event.
 * The input is acknowledged, and so its offset committed, only after the broker acknowledged the score. A failed
 * publication is retried with bounded exponential backoff, and the input partition waits meanwhile (each channel
 * handles one message at a time, so per-client order holds); only a message that cannot be scored (unparseable,
 * contract-invalid) or whose score the broker can never take is nacked into the topic's DLQ.
 *
 * <p>The client's words arrive sealed with their data key (docs/security.md#crypto-shredding): the key comes from
 * journal-service through {@link ClientKeys}, cached, and the same key seals the evidence quotes of the score. An
 * event whose key is gone (the client was erased) is skipped and counted, neither retried nor dead-lettered.
 */
@ApplicationScoped
public class ScoringProcessor {

    /** The members of a score event that quote the client: every evidence span's {@code text}. */
    static final Predicate<String> WORDS = SealedFields.named("text");

    private final AttunementAnalyzer analyzer;
    private final Emitter<String> scores;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final ScoringConfig.Retry retry;
    private volatile boolean stopping;
    private final Timer journalEngine;
    private final Timer conversationEngine;
    private final DataKeys keys;

    public ScoringProcessor(AttunementAnalyzer analyzer, @Channel("attunement-scores") Emitter<String> scores,
            ObjectMapper mapper, Clock clock, MeterRegistry metrics, ScoringConfig config, DataKeys keys) {
        this.analyzer = analyzer;
        this.keys = keys;
        this.scores = scores;
        this.mapper = mapper;
        this.clock = clock;
        this.metrics = metrics;
        this.retry = config.retry();
        this.journalEngine = engineTimer(metrics, "journal");
        this.conversationEngine = engineTimer(metrics, "conversation");
    }

    /** Time spent in the scoring engine alone, without parsing or publishing; a histogram, so p99 can be read. */
    private static Timer engineTimer(MeterRegistry metrics, String kind) {
        return Timer.builder("attune.scoring.engine")
                .description("Time the attunement engine takes to score one item")
                .tag("kind", kind)
                .publishPercentileHistogram()
                .register(metrics);
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    @Incoming("journal-entries")
    @Timed(value = "attune.consumer.processing", extraTags = { "channel", "journal-entries" },
            description = "Time from delivery of a record to its acknowledgement")
    public CompletionStage<Void> onJournalEntry(Message<String> message) {
        return handle(message, "journal-entries", JournalEntryRecorded.TYPE, tree -> {
            JournalEntryRecorded entry = mapper.treeToValue(tree, JournalEntryRecorded.class);
            require(entry.entryId() != null && entry.clientId() != null && entry.text() != null, "incomplete entry");
            List<EmotionTag> emotions = entry.emotions() == null ? List.of()
                    : entry.emotions().stream().map(e -> new EmotionTag(e.label(), e.intensity())).toList();
            Assessment assessment = journalEngine.recordCallable(() -> analyzer.analyze(
                    new JournalEntry(entry.text(), emotions, entry.context(), entry.locale())));
            return AttunementScoreComputed.of(eventId(message, entry.entryId()), entry.entryId(), entry.recordedAt(),
                    entry.clientId(), entry.context() == null ? "self" : entry.context(), locale(entry.locale()),
                    AssessmentView.of(assessment), clock.instant());
        });
    }

    @Incoming("conversation-samples")
    @Timed(value = "attune.consumer.processing", extraTags = { "channel", "conversation-samples" },
            description = "Time from delivery of a record to its acknowledgement")
    public CompletionStage<Void> onConversationSample(Message<String> message) {
        return handle(message, "conversation-samples", ConversationSampleRecorded.TYPE, tree -> {
            ConversationSampleRecorded sample = mapper.treeToValue(tree, ConversationSampleRecorded.class);
            require(sample.sampleId() != null && sample.clientId() != null && sample.clientSpeaker() != null
                    && sample.turns() != null && sample.turns().size() >= 2, "incomplete sample");
            List<Turn> turns = sample.turns().stream().map(t -> new Turn(t.speaker(), t.text())).toList();
            require(turns.stream().allMatch(t -> t.speaker() != null && t.text() != null), "incomplete turn");
            Assessment assessment = conversationEngine.recordCallable(() -> analyzer.analyze(
                    new ConversationSample(sample.relationship(), sample.clientSpeaker(), turns, sample.locale())));
            return AttunementScoreComputed.of(eventId(message, sample.sampleId()), sample.sampleId(),
                    sample.recordedAt(), sample.clientId(),
                    sample.relationship() == null ? "other" : sample.relationship(), locale(sample.locale()),
                    AssessmentView.of(assessment), clock.instant());
        });
    }

    private CompletionStage<Void> handle(Message<String> message, String channel, String expectedType,
            Scoring scoring) {
        String type = message.getMetadata(IncomingCloudEventMetadata.class).map(IncomingCloudEventMetadata::getType)
                .orElse(expectedType);
        if (!expectedType.equals(type)) {
            // Not ours to score (a newer version, say): skip it rather than dead-letter it.
            Log.debugf("Skipping event of type %s", type);
            return message.ack();
        }
        JsonNode tree;
        Optional<String> kid;
        try {
            tree = mapper.readTree(message.getPayload());
            require(tree != null && tree.isObject() && tree.path("clientId").isTextual(), "not an event of a client");
            kid = SealedFields.kid(tree);
        } catch (Exception e) {
            return reject(expectedType, message, e);
        }
        if (kid.isEmpty()) {
            // Words in the clear: an event published before crypto-shredding (docs/security.md), scored as it is.
            return score(message, channel, expectedType, tree, null, scoring);
        }
        String clientId = tree.get("clientId").asText();
        return Uni.createFrom().completionStage(() -> keys.find(clientId, kid.get()))
                .onFailure(this::keyServiceAway).invoke(failure -> {
                    metrics.counter("attune.messaging.retries", "channel", channel).increment();
                    Log.warnf("%s: no answer from the key service, retrying: %s", channel, failure.toString());
                })
                .onFailure(this::keyServiceAway).retry()
                .withBackOff(retry.initialBackoff(), retry.maxBackoff()).withJitter(0.2).indefinitely()
                .subscribeAsCompletionStage()
                .handle((key, failure) -> {
                    if (failure != null) {
                        if (stopping) {
                            return new CompletableFuture<Void>();
                        }
                        return reject(expectedType, message, failure);
                    }
                    if (key.isEmpty()) {
                        // The client was erased: their words are meant to be unreadable now. Nothing to score, and
                        // nothing a retry or the DLQ could fix.
                        metrics.counter("attune.crypto.unreadable", "channel", channel, "reason", "key-erased")
                                .increment();
                        Log.debugf("%s: skipping an event of an erased client", channel);
                        return message.ack();
                    }
                    return score(message, channel, expectedType, tree, key.get(), scoring);
                })
                .thenCompose(stage -> stage);
    }

    private CompletionStage<Void> score(Message<String> message, String channel, String expectedType, JsonNode tree,
            DataKey key, Scoring scoring) {
        AttunementScoreComputed score;
        String json;
        try {
            if (key != null) {
                SealedFields.openAll(tree, key);
            }
            score = scoring.score(tree);
            json = toJson(score, key);
        } catch (Exception e) {
            return reject(expectedType, message, e);
        }
        metrics.counter("attune.scoring.scored", "kind", score.kind(), "band", score.overall().band(),
                "safety", score.safety().level()).increment();
        return Uni.createFrom().completionStage(() -> publish(score, json, message))
                .onFailure(this::retriable).invoke(failure -> {
                    metrics.counter("attune.messaging.retries", "channel", channel).increment();
                    Log.warnf("%s: publishing score %s failed, retrying: %s", channel, score.scoreId(),
                            failure.toString());
                })
                .onFailure(this::retriable).retry()
                .withBackOff(retry.initialBackoff(), retry.maxBackoff()).withJitter(0.2).indefinitely()
                .subscribeAsCompletionStage()
                .handle((ok, failure) -> {
                    if (failure == null) {
                        return message.ack();
                    }
                    if (stopping) {
                        // Neither acknowledged nor dead-lettered: the input is consumed again after the restart.
                        Log.infof("%s: stopping with score %s unpublished; its input stays uncommitted", channel,
                                score.scoreId());
                        return new CompletableFuture<Void>();
                    }
                    metrics.counter("attune.scoring.rejected").increment();
                    Log.warnf("%s: the broker refuses score %s for good, sending the input to the DLQ: %s", channel,
                            score.scoreId(), failure.getClass().getName());
                    return message.nack(failure);
                })
                .thenCompose(stage -> stage);
    }

    private CompletionStage<Void> reject(String expectedType, Message<String> message, Throwable e) {
        metrics.counter("attune.scoring.rejected").increment();
        Log.warnf("Sending an unscorable %s event to the DLQ: %s", expectedType, e.getClass().getSimpleName());
        return message.nack(e);
    }

    /**
     * The score as it goes on the wire: the evidence quotes ({@code text} members) sealed with the key that opened
     * the input, so the client's words stay as protected as they arrived, and become unreadable with that key.
     */
    private String toJson(AttunementScoreComputed score, DataKey key) throws JsonProcessingException {
        if (key == null) {
            return mapper.writeValueAsString(score);
        }
        JsonNode tree = mapper.valueToTree(score);
        SealedFields.sealAll(tree, key, WORDS);
        return mapper.writeValueAsString(tree);
    }

    private boolean keyServiceAway(Throwable failure) {
        if (stopping) {
            return false;
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof KeyServiceUnavailableException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Everything but a record the broker can never accept is worth sending again: a broker that is away, a
     * timeout, a leader election.
     */
    private boolean retriable(Throwable failure) {
        if (stopping) {
            return false;
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RecordTooLargeException || t instanceof InvalidRecordException
                    || t instanceof SerializationException || t instanceof JsonProcessingException) {
                return false;
            }
        }
        return true;
    }

    private CompletionStage<Void> publish(AttunementScoreComputed score, String json, Message<String> input) {
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        Message<String> out = Message.of(json)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(score.clientId()).build())
                .addMetadata(OutgoingCloudEventMetadata.builder()
                        .withId(score.scoreId())
                        .withType(AttunementScoreComputed.TYPE)
                        .withSubject(score.clientId())
                        .withDataSchema(URI.create(AttunementScoreComputed.DATASCHEMA))
                        .withTimestamp(score.scoredAt().atZone(java.time.ZoneOffset.UTC))
                        .build())
                .withAck(() -> {
                    acknowledged.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    acknowledged.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                });
        // The consumer span of the input becomes the parent of the producer span: one trace across the hop.
        scores.send(TracingMetadata.fromMessage(input).map(out::addMetadata).orElse(out));
        return acknowledged;
    }

    /** The CloudEvents id of the input, which journal-service sets to the document id. */
    private static String eventId(Message<String> message, String fallback) {
        return message.getMetadata(IncomingCloudEventMetadata.class).map(IncomingCloudEventMetadata::getId)
                .orElse(fallback);
    }

    private static String locale(String locale) {
        return locale == null ? "en" : locale;
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalArgumentException(problem);
        }
    }

    @FunctionalInterface
    private interface Scoring {
        /** Scores the event, its words opened. */
        AttunementScoreComputed score(JsonNode event) throws Exception;
    }
}
