package io.attune.recommendation.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.attune.recommendation.Recommendation;
import io.attune.recommendation.RecommendationStatus;
import io.attune.recommendation.messaging.RecommendationRelay;
import org.junit.jupiter.api.Test;

class RecommendationEventsTest {

    private static final int THREADS = 4;
    private static final int PER_THREAD = 5_000;

    /** The Kafka consumer and HTTP feedback threads report changes at the same time. */
    @Test
    void changesFromSeveralThreadsReachAStreamOneAtATimeAndAllOfThem() throws Exception {
        RecommendationEvents events = new RecommendationEvents(new RecommendationRelay(null, null, null, null) {
            @Override
            public void wake() {
                // No Kafka here; only the in-process fan-out is under test.
            }
        });
        AtomicInteger inside = new AtomicInteger();
        AtomicBoolean overlapped = new AtomicBoolean();
        AtomicInteger received = new AtomicInteger();
        events.stream("client-a").subscribe().with(r -> {
            if (inside.incrementAndGet() > 1) {
                overlapped.set(true);
            }
            received.incrementAndGet();
            inside.decrementAndGet();
        });

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            done.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < PER_THREAD; i++) {
                    events.changed(recommendation("client-a"));
                    events.changed(recommendation("client-b"));
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(overlapped).as("onNext called concurrently").isFalse();
        assertThat(received).hasValue(THREADS * PER_THREAD);
    }

    private static Recommendation recommendation(String clientId) {
        Instant now = Instant.now();
        return new Recommendation("id", clientId, "talk-less", "Listen more", "Listen.", 10,
                RecommendationStatus.ACTIVE, new Recommendation.Reason(null, null, null, "a", "why"), List.of(), false,
                1.0, now, now, null);
    }
}
