package io.attune.recommendation.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.attune.recommendation.Recommendation;
import io.attune.recommendation.RecommendationStatus;
import io.attune.recommendation.store.RecommendationStore;
import io.attune.recommendation.store.RecommendationStore.PendingEvent;
import io.attune.recommendation.store.RecommendationStore.Published;
import io.vertx.core.Vertx;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

class RecommendationRelayTest {

    /**
     * A change stored while a pass is reading the outbox must not wait for the scheduled retry: the wake that
     * came during the pass runs another one.
     */
    @Test
    void aWakeDuringAPassIsNotLost() throws Exception {
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger reads = new AtomicInteger();
        RecommendationStore outbox = new RecommendationStore(null) {
            @Override
            public List<PendingEvent> pendingEvents(int limit) {
                if (reads.incrementAndGet() == 1) {
                    reading.countDown();
                    await(release);
                }
                return List.of();
            }
        };
        RecommendationRelay relay = new RecommendationRelay(outbox, null, null, null);

        CompletableFuture<Void> first = CompletableFuture.runAsync(relay::pass);
        assertThat(reading.await(5, TimeUnit.SECONDS)).isTrue();
        relay.pass(); // the wake of a change stored after the first pass read the outbox
        release.countDown();
        first.get(5, TimeUnit.SECONDS);

        assertThat(reads).hasValue(2);
    }

    @Test
    void withoutWakesAPassReadsOnce() {
        AtomicInteger reads = new AtomicInteger();
        RecommendationRelay relay = new RecommendationRelay(new RecommendationStore(null) {
            @Override
            public List<PendingEvent> pendingEvents(int limit) {
                reads.incrementAndGet();
                return List.of();
            }
        }, null, null, null);

        relay.pass();

        assertThat(reads).hasValue(1);
    }

    /**
     * A pass may read the outbox just before an acknowledged event is removed from it. Once the broker has
     * acknowledged an event, such a stale read must not send it again.
     */
    @Test
    void anAcknowledgedEventIsNotSentAgainByAPassThatReadTheOutboxBeforeItsRemoval() throws Exception {
        Instant at = Instant.parse("2026-03-01T10:00:00Z");
        PendingEvent event = new PendingEvent("e-1", RecommendationStore.ISSUED, at, recommendation(at), null);
        CountDownLatch removed = new CountDownLatch(1);
        RecommendationStore staleOutbox = new RecommendationStore(null) {
            @Override
            public List<PendingEvent> pendingEvents(int limit) {
                return List.of(event); // as read before the acknowledged event was pulled
            }

            @Override
            public void eventsPublished(List<Published> events) {
                removed.countDown();
            }
        };
        List<String> sent = new CopyOnWriteArrayList<>();
        Vertx vertx = Vertx.vertx();
        try {
            RecommendationRelay relay = new RecommendationRelay(staleOutbox, new AcknowledgingEmitter(sent),
                    RecommendationWire.withoutWords(new ObjectMapper().findAndRegisterModules()), vertx);

            relay.pass();
            assertThat(removed.await(5, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(100); // the acknowledgement finishes on a worker thread
            relay.pass();

            assertThat(sent).hasSize(1);
        } finally {
            vertx.close();
        }
    }

    /** An emitter whose broker acknowledges every message at once. */
    private record AcknowledgingEmitter(List<String> sent) implements Emitter<String> {

        @Override
        public CompletionStage<Void> send(String payload) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <M extends Message<? extends String>> void send(M message) {
            sent.add(message.getPayload());
            message.ack();
        }

        @Override
        public void complete() {
        }

        @Override
        public void error(Exception e) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public boolean hasRequests() {
            return true;
        }
    }

    @Test
    void anAcknowledgedEventWhoseRemovalFailedIsRemovedByTheNextPassWithoutBeingSentAgain() throws Exception {
        Instant at = Instant.parse("2026-03-01T10:00:00Z");
        PendingEvent event = new PendingEvent("e-2", RecommendationStore.ISSUED, at, recommendation(at), null);
        AtomicInteger removals = new AtomicInteger();
        CountDownLatch firstRemoval = new CountDownLatch(1);
        RecommendationStore outbox = new RecommendationStore(null) {
            @Override
            public List<PendingEvent> pendingEvents(int limit) {
                return removals.get() < 2 ? List.of(event) : List.of();
            }

            @Override
            public void eventsPublished(List<Published> events) {
                removals.incrementAndGet();
                firstRemoval.countDown();
                throw new IllegalStateException("MongoDB is away");
            }

            @Override
            public void eventPublished(String recommendationId, String eventId) {
                removals.incrementAndGet();
            }
        };
        List<String> sent = new CopyOnWriteArrayList<>();
        Vertx vertx = Vertx.vertx();
        try {
            RecommendationRelay relay = new RecommendationRelay(outbox, new AcknowledgingEmitter(sent),
                    RecommendationWire.withoutWords(new ObjectMapper().findAndRegisterModules()), vertx);

            relay.pass();
            assertThat(firstRemoval.await(5, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(100); // the failed removal finishes on a worker thread
            relay.pass();

            assertThat(sent).hasSize(1);
            assertThat(removals).hasValue(2);
        } finally {
            vertx.close();
        }
    }

    @Test
    void acknowledgementsThatArriveDuringARemovalAreRemovedTogetherByTheNext() throws Exception {
        Instant at = Instant.parse("2026-03-01T10:00:00Z");
        List<PendingEvent> events = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            events.add(new PendingEvent("e-" + i, RecommendationStore.ISSUED, at, recommendation(at), null));
        }
        CountDownLatch firstRemovalStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch allRemoved = new CountDownLatch(5);
        List<List<String>> removals = new CopyOnWriteArrayList<>();
        RecommendationStore outbox = new RecommendationStore(null) {
            @Override
            public List<PendingEvent> pendingEvents(int limit) {
                return events;
            }

            @Override
            public void eventsPublished(List<Published> published) {
                firstRemovalStarted.countDown();
                await(release);
                removals.add(published.stream().map(Published::eventId).toList());
                published.forEach(p -> allRemoved.countDown());
            }
        };
        HoldingEmitter broker = new HoldingEmitter(new CopyOnWriteArrayList<>());
        Vertx vertx = Vertx.vertx();
        try {
            RecommendationRelay relay = new RecommendationRelay(outbox, broker,
                    RecommendationWire.withoutWords(new ObjectMapper().findAndRegisterModules()), vertx);
            relay.pass();
            assertThat(broker.held()).hasSize(5);

            broker.held().get(0).ack();
            assertThat(firstRemovalStarted.await(5, TimeUnit.SECONDS)).isTrue();
            for (int i = 1; i < 5; i++) {
                broker.held().get(i).ack();
            }
            release.countDown();

            assertThat(allRemoved.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(removals).containsExactly(List.of("e-0"), List.of("e-1", "e-2", "e-3", "e-4"));
        } finally {
            vertx.close();
        }
    }

    /** An emitter whose broker acknowledges when the test says so. */
    private record HoldingEmitter(List<Message<? extends String>> held) implements Emitter<String> {

        @Override
        public CompletionStage<Void> send(String payload) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <M extends Message<? extends String>> void send(M message) {
            held.add(message);
        }

        @Override
        public void complete() {
        }

        @Override
        public void error(Exception e) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public boolean hasRequests() {
            return true;
        }
    }

    private static Recommendation recommendation(Instant at) {
        return new Recommendation("r-1", "client-a", "talk-less", "Listen more", "Listen.", 10,
                RecommendationStatus.ACTIVE, new Recommendation.Reason("listening-balance", 15, null, "a", "why"),
                List.of(), false, 35.0, at, at, null);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
