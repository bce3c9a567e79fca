package io.attune.recommendation.messaging;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Default;

import io.attune.recommendation.config.RecommendationConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.BackPressureFailure;
import io.smallrye.mutiny.subscription.MultiEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Feeds the Server-Sent Event streams of this instance from the {@code recommendations} topic, which every
 * replica reads whole (its own consumer group, starting at the end), so any replica serves any client's stream.
 *
 * <p>Each stream starts at a position: the end of its client's partition, or just after its {@code Last-Event-ID}.
 * It registers for live records first, then reads what lies between its position and the partition's end from the
 * topic ({@link TopicReader}), then continues with the live records; offsets make the seam exact and per-client
 * order is the topic's. Events are buffered per stream; a stream whose buffer overflows is closed, never thinned,
 * and the client resumes from its last id.
 */
@ApplicationScoped
@Default
@Identifier(RecommendationFeed.CHANNEL)
public class RecommendationFeed implements KafkaConsumerRebalanceListener {

    static final String CHANNEL = "recommendation-stream";
    private static final int REMEMBERED_IDS = 1000;

    private final TopicReader reader;
    private final RecommendationConfig.Stream config;
    private final MeterRegistry metrics;
    private final Map<String, Set<Subscription>> subscriptions = new ConcurrentHashMap<>();
    /** Per partition, the offset of the next record the live consumer will deliver. */
    private final Map<Integer, Long> livePosition = new ConcurrentHashMap<>();
    private final CompletableFuture<Void> ready = new CompletableFuture<>();

    public RecommendationFeed(TopicReader reader, RecommendationConfig config, MeterRegistry metrics) {
        this.reader = reader;
        this.config = config.stream();
        this.metrics = metrics;
    }

    @Incoming(CHANNEL)
    public void onRecord(ConsumerRecord<String, String> record) {
        if (record.key() != null) {
            Set<Subscription> streams = subscriptions.get(record.key());
            if (streams != null && !streams.isEmpty()) {
                StreamEvent event = StreamEvent.of(record);
                streams.forEach(stream -> stream.live(event));
            }
        }
        // Only after the dispatch: a stream that starts from this position must not need this record.
        livePosition.merge(record.partition(), record.offset() + 1, Math::max);
    }

    /**
     * The live consumer starts at the end of each partition, or where it left off when a partition comes back
     * after a rebalance, or at the beginning of a partition added since; its position is known before any stream
     * starts, so that no record falls between a stream's catch-up and the live records.
     */
    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        for (TopicPartition tp : partitions) {
            Long position = livePosition.get(tp.partition());
            if (position != null) {
                consumer.seek(tp, position);
            } else {
                if (ready.isDone()) {
                    consumer.seekToBeginning(List.of(tp));
                } else {
                    consumer.seekToEnd(List.of(tp));
                }
                livePosition.put(tp.partition(), consumer.position(tp));
            }
        }
        if (!partitions.isEmpty()) {
            ready.complete(null);
        }
    }

    /** The client's changes from {@code resume} on (null: from now), then live, as long as the client listens. */
    public Multi<StreamEvent> stream(String clientId, StreamEvent.Position resume) {
        return Multi.createFrom().<StreamEvent>emitter(emitter -> {
            Subscription subscription = new Subscription(emitter);
            emitter.onTermination(() -> subscriptions.computeIfPresent(clientId, (id, set) -> {
                set.remove(subscription);
                return set.isEmpty() ? null : set;
            }));
            ready.copy().orTimeout(config.feedReadyTimeout().toMillis(), TimeUnit.MILLISECONDS)
                    .thenCompose(v -> {
                        // Where the live consumer stands, then register: whatever it delivers in between lies
                        // after this position, so the catch-up reads it from the topic.
                        Map<Integer, Long> now = Map.copyOf(livePosition);
                        if (!emitter.isCancelled()) {
                            subscriptions.computeIfAbsent(clientId, id -> ConcurrentHashMap.newKeySet())
                                    .add(subscription);
                        }
                        return reader.read(clientId, resume, now, config.buffer(), config.dedupeLookback());
                    })
                    .whenComplete((catchup, failure) -> {
                        if (failure != null) {
                            Log.warnf("Cannot start a recommendation stream: %s", failure.toString());
                            emitter.fail(failure);
                        } else {
                            subscription.caughtUp(catchup);
                        }
                    });
        })
                .onOverflow().buffer(config.buffer())
                .onFailure(BackPressureFailure.class).invoke(failure -> {
                    metrics.counter("attune.recommendation.stream.overflows").increment();
                    Log.info("Closing a recommendation stream whose client does not keep up; it resumes on reconnect");
                })
                .onFailure(BackPressureFailure.class).recoverWithCompletion();
    }

    /** One open stream: before its catch-up is done, live records wait; then each offset is sent once, in order. */
    private final class Subscription {

        private final MultiEmitter<? super StreamEvent> emitter;
        private final ArrayDeque<StreamEvent> waiting = new ArrayDeque<>();
        private final Set<String> sentIds = new LinkedHashSet<>();
        private boolean caughtUp;
        private long next;

        Subscription(MultiEmitter<? super StreamEvent> emitter) {
            this.emitter = emitter;
        }

        synchronized void live(StreamEvent event) {
            if (caughtUp) {
                send(event);
            } else if (waiting.size() < config.buffer()) {
                waiting.add(event);
            } else {
                metrics.counter("attune.recommendation.stream.overflows").increment();
                emitter.complete();
            }
        }

        synchronized void caughtUp(TopicReader.Catchup catchup) {
            catchup.seenIds().forEach(this::remember);
            next = catchup.from();
            catchup.events().forEach(this::send);
            if (catchup.truncated()) {
                // More is missed than one connection buffers: the client comes back for the rest.
                emitter.complete();
                return;
            }
            next = Math.max(next, catchup.end());
            caughtUp = true;
            waiting.stream().sorted(Comparator.comparingLong(StreamEvent::offset)).forEach(this::send);
            waiting.clear();
        }

        private void send(StreamEvent event) {
            if (event.offset() < next || emitter.isCancelled()) {
                return;
            }
            next = event.offset() + 1;
            if (remember(event.eventId())) {
                emitter.emit(event);
            } else {
                metrics.counter("attune.recommendation.stream.duplicates-dropped").increment();
            }
        }

        /** Returns false when the event id was sent already (the relay published the event twice). */
        private boolean remember(String eventId) {
            if (!sentIds.add(eventId)) {
                return false;
            }
            if (sentIds.size() > REMEMBERED_IDS) {
                sentIds.remove(sentIds.iterator().next());
            }
            return true;
        }
    }
}
