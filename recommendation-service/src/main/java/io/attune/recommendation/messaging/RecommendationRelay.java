package io.attune.recommendation.messaging;

import java.net.URI;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * the broker acknowledged it. Woken on every change and also run on a schedule, so events survive outages.
 */
@ApplicationScoped
public class RecommendationRelay {

    private static final int BATCH = 200;

    private final RecommendationStore recommendations;
    private final Emitter<String> out;
    private final ObjectMapper mapper;
    private final Vertx vertx;
    private final AtomicBoolean running = new AtomicBoolean();
    /** Events handed to Kafka and not yet acknowledged, so a pass does not send them again meanwhile. */
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

    public RecommendationRelay(RecommendationStore recommendations, @Channel("recommendations") Emitter<String> out,
            ObjectMapper mapper, Vertx vertx) {
        this.recommendations = recommendations;
        this.out = out;
        this.mapper = mapper;
        this.vertx = vertx;
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
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            for (PendingEvent event : recommendations.pendingEvents(BATCH)) {
                if (inFlight.add(event.eventId())) {
                    send(event);
                }
            }
        } catch (RuntimeException e) {
            Log.warnf("Recommendation relay pass failed: %s", e.toString());
        } finally {
            running.set(false);
        }
    }

    private void send(PendingEvent event) {
        String json;
        try {
            json = mapper.writeValueAsString(
                    RecommendationChanged.of(event.change(), event.at(), event.recommendation()));
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
                .withAck(() -> {
                    vertx.executeBlocking(() -> {
                        recommendations.eventPublished(recommendationId, event.eventId());
                        inFlight.remove(event.eventId());
                        return null;
                    }, false);
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
