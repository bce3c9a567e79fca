package io.attune.recommendation.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.attune.recommendation.config.RecommendationConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Runs the work of one consumed record on the caller's worker thread and settles the record: acknowledged once
 * the work succeeded; retried with bounded exponential backoff while MongoDB or Kafka is unavailable, so the
 * partition waits rather than skipping; nacked into the channel's dead-letter queue only when the record itself
 * cannot succeed. A record still failing when the service stops is left unsettled, so its offset stays
 * uncommitted and the next owner of the partition processes it. A batch is settled the same way, as a whole,
 * except that a record failing for a reason of its own is dead-lettered without holding back its siblings.
 */
@ApplicationScoped
public class RetryingProcessor {

    private final RecommendationConfig.Retry retry;
    private final MeterRegistry metrics;
    private final CountDownLatch stopping = new CountDownLatch(1);

    public RetryingProcessor(RecommendationConfig config, MeterRegistry metrics) {
        this.retry = config.retry();
        this.metrics = metrics;
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping.countDown();
    }

    /** Must run on a worker thread (the consumer is {@code @Blocking}): the backoff waits block it. */
    CompletionStage<Void> process(String channel, Message<?> message, Runnable work) {
        try {
            if (!retried(channel, work)) {
                return unsettled(channel);
            }
        } catch (RuntimeException failure) {
            return reject(channel, message, failure);
        }
        return message.ack();
    }

    /**
     * Settles a consumed batch: runs {@code batchWork} on all its records at once, retrying it while MongoDB or
     * Kafka is unavailable. Should it fail for any other reason, the batch is taken apart: {@code recordWork} runs
     * on each record in order (so each client's records keep their order), a record that fails for a reason of its
     * own goes to the dead-letter queue, and its siblings are processed. The batch is acknowledged, committing
     * its offsets, only when every record is stored or dead-lettered; when the service stops first, it stays
     * unsettled and is consumed again. Must run on a worker thread.
     *
     * @param rejected records refused before the work (unparseable), dead-lettered along with the batch
     */
    <R> CompletionStage<Void> processBatch(String channel, Message<?> batch, List<R> records,
            Function<R, Message<?>> messageOf, Consumer<List<R>> batchWork, Consumer<R> recordWork,
            List<CompletionStage<Void>> rejected) {
        List<CompletionStage<Void>> deadLettered = new ArrayList<>(rejected);
        try {
            if (!records.isEmpty() && !retried(channel, () -> batchWork.accept(records))) {
                return unsettled(channel);
            }
        } catch (RuntimeException batchFailure) {
            Log.warnf("%s: a batch of %d records failed (%s); processing its records one by one", channel,
                    records.size(), batchFailure.getClass().getName());
            for (R record : records) {
                try {
                    if (!retried(channel, () -> recordWork.accept(record))) {
                        return unsettled(channel);
                    }
                } catch (RuntimeException failure) {
                    deadLettered.add(reject(channel, messageOf.apply(record), failure));
                }
            }
        }
        // Dead-lettered records are in the DLQ before the offsets past them are committed.
        return CompletableFuture.allOf(deadLettered.stream().map(CompletionStage::toCompletableFuture)
                .toArray(CompletableFuture[]::new)).thenCompose(done -> batch.ack());
    }

    /**
     * Runs the work, retrying with backoff while it fails for a transient reason.
     *
     * @return false when the service stopped before it succeeded
     * @throws RuntimeException the failure, when it is not transient
     */
    private boolean retried(String channel, Runnable work) {
        return retrying(channel, () -> {
            work.run();
            return true;
        }).isPresent();
    }

    /**
     * Runs {@code work} until it succeeds, waiting out infrastructure failures with backoff; empty when the service
     * stops first. A failure of the record itself is thrown.
     */
    <T> Optional<T> retrying(String channel, Supplier<T> work) {
        Duration backoff = retry.initialBackoff();
        while (true) {
            try {
                return Optional.of(work.get());
            } catch (RuntimeException failure) {
                if (!Failures.isTransient(failure)) {
                    throw failure;
                }
                metrics.counter("attune.messaging.retries", "channel", channel).increment();
                Log.warnf("%s: infrastructure failure, retrying in %d ms: %s", channel,
                        backoff.toMillis(), failure.toString());
                if (stopped(jittered(backoff))) {
                    return Optional.empty();
                }
                backoff = backoff.multipliedBy(2).compareTo(retry.maxBackoff()) > 0 ? retry.maxBackoff()
                        : backoff.multipliedBy(2);
            }
        }
    }

    /** Neither acknowledged nor dead-lettered: its offset stays uncommitted, so it is consumed again. */
    private static CompletionStage<Void> unsettled(String channel) {
        Log.infof("%s: stopping with records not yet processed; they stay uncommitted", channel);
        return new CompletableFuture<>();
    }

    /** Waits, unless the service stops first; returns whether it stops. */
    private boolean stopped(long millis) {
        try {
            return stopping.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    /** Spreads the retries of many instances apart: +-20 %. */
    private static long jittered(Duration backoff) {
        return (long) (backoff.toMillis() * (0.8 + 0.4 * ThreadLocalRandom.current().nextDouble()));
    }

    /** For a record that can never succeed: to the dead-letter queue, with the failure in its headers. */
    CompletionStage<Void> reject(String channel, Message<?> message, Exception failure) {
        metrics.counter("attune.messaging.dead-lettered", "channel", channel,
                "exception", failure.getClass().getSimpleName()).increment();
        Log.warnf("%s: sending an unprocessable record to the DLQ: %s", channel, failure.getClass().getName());
        return message.nack(failure);
    }
}
