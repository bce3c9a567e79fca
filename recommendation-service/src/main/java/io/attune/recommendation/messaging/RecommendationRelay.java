package io.attune.recommendation.messaging;

import java.net.URI;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.attune.recommendation.store.RecommendationStore;
import io.attune.recommendation.store.RecommendationStore.PendingEvent;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.core.Vertx;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Publishes the outbox events stored on recommendations to {@code recommendations}, removing each one only when
 * the broker acknowledged it (acknowledged events are removed in batches, one bulk write for as many as have
 * arrived). Woken on every change and also run on a schedule, so events survive outages.
 */
@ApplicationScoped
public class RecommendationRelay {

    private static final int BATCH = 200;
    private static final int REMEMBERED_ACKNOWLEDGEMENTS = 10_000;

    private final RecommendationStore recommendations;
    private final Emitter<String> out;
    private final RecommendationWire wire;
    private final Vertx vertx;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean requested = new AtomicBoolean();
    /** Acknowledged events not yet removed from the outbox, and whether a removal runs. */
    private final Queue<RecommendationStore.Published> published = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean removing = new AtomicBoolean();
    /** Events handed to Kafka and not yet acknowledged, so a pass does not send them again meanwhile. */
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    /**
     * Events the broker acknowledged lately. A pass that read the outbox just before one was removed from it
     * must not send it again; the oldest are forgotten, as by then no pass can still hold such a read.
     */
    private final Set<String> acknowledged = Collections.synchronizedSet(Collections.newSetFromMap(
            new LinkedHashMap<>() {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > REMEMBERED_ACKNOWLEDGEMENTS;
                }
            }));

    public RecommendationRelay(RecommendationStore recommendations, @Channel("recommendations") Emitter<String> out,
            RecommendationWire wire, Vertx vertx) {
        this.recommendations = recommendations;
        this.out = out;
        this.wire = wire;
        this.vertx = vertx;
    }

    /**
     * Removes the acknowledged events from the outbox, many per round trip: acknowledgements arrive one by one
     * while a removal runs, and the next removal takes all of them. One removal runs at a time.
     */
    private void removePublished() {
        if (!removing.compareAndSet(false, true)) {
            return;
        }
        vertx.executeBlocking(() -> {
            List<RecommendationStore.Published> batch = new ArrayList<>();
            try {
                for (RecommendationStore.Published next; batch.size() < BATCH && (next = published.poll()) != null; ) {
                    batch.add(next);
                }
                if (!batch.isEmpty()) {
                    recommendations.eventsPublished(batch);
                }
            } finally {
                // A removal that failed is retried by the next pass, which finds the event acknowledged.
                batch.forEach(p -> inFlight.remove(p.eventId()));
                removing.set(false);
                if (!published.isEmpty()) {
                    removePublished();
                }
            }
            return null;
        }, false);
    }

    /** Runs a pass soon, off the caller's thread. */
    public void wake() {
        vertx.executeBlocking(() -> {
            pass();
            return null;
        }, false);
    }

    @Scheduled(every = "${attune.recommendation.outbox-retry-every}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void pass() {
        // A pass asked for while another runs is not skipped but repeated by whoever holds the lock: the running
        // pass may have read the outbox before the new change was stored.
        requested.set(true);
        while (requested.get() && running.compareAndSet(false, true)) {
            try {
                requested.set(false);
                publishPending();
            } finally {
                running.set(false);
            }
        }
    }

    private void publishPending() {
        try {
            for (PendingEvent event : recommendations.pendingEvents(BATCH)) {
                // Claim, then check: an acknowledgement records the event before it releases the claim.
                if (!inFlight.add(event.eventId())) {
                    continue;
                }
                if (acknowledged.contains(event.eventId())) {
                    // Still listed: a read from just before its removal, or a removal that failed. Removing
                    // again is harmless, since the update only matches while the event is in the outbox.
                    try {
                        recommendations.eventPublished(event.recommendation().id(), event.eventId());
                    } finally {
                        inFlight.remove(event.eventId());
                    }
                    continue;
                }
                send(event);
            }
        } catch (RuntimeException e) {
            Log.warnf("Recommendation relay pass failed: %s", e.toString());
        }
    }

    private void send(PendingEvent event) {
        String json;
        try {
            json = wire.json(RecommendationChanged.of(event.change(), event.at(), event.recommendation()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        String recommendationId = event.recommendation().id();
        try {
            out.send(Message.of(json)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(event.recommendation().clientId()).build())
                .addMetadata(OutgoingCloudEventMetadata.builder()
                        .withId(event.eventId())
                        .withType(RecommendationChanged.type(event.change()))
                        .withSubject(event.recommendation().clientId())
                        .withDataSchema(URI.create(RecommendationChanged.DATASCHEMA))
                        .withTimestamp(event.at().atZone(ZoneOffset.UTC))
                        .build())
                .addMetadata(MessageTracing.parent(event.traceparent()))
                .withAck(() -> {
                    acknowledged.add(event.eventId());
                    published.add(new RecommendationStore.Published(recommendationId, event.eventId()));
                    removePublished();
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    inFlight.remove(event.eventId());
                    Log.warnf("Recommendation event %s not published yet: %s", event.eventId(), failure.toString());
                    return CompletableFuture.completedFuture(null);
                }));
        } catch (RuntimeException e) {
            // The emitter's buffer is full while Kafka is away; the event stays in the outbox for the next pass.
            inFlight.remove(event.eventId());
            throw e;
        }
    }
}
