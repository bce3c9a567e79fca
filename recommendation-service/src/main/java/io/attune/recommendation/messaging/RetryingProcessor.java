package io.attune.recommendation.messaging;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
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
 * uncommitted and the next owner of the partition processes it.
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
        Optional<Boolean> done;
        try {
            done = retrying(channel, () -> {
                work.run();
                return true;
            });
        } catch (RuntimeException failure) {
            return reject(channel, message, failure);
        }
        // Not done: the service stops. Neither acknowledged nor dead-lettered, its offset stays uncommitted.
        return done.isPresent() ? message.ack() : new CompletableFuture<>();
    }

    /**
     * Runs {@code work} until it succeeds, waiting out infrastructure failures with the same backoff as
     * {@link #process}; empty when the service stops first. A failure of the record itself is thrown.
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
                Log.warnf("%s: infrastructure failure, retrying the record in %d ms: %s", channel,
                        backoff.toMillis(), failure.toString());
                if (stopped(jittered(backoff))) {
                    Log.infof("%s: stopping with a record not yet processed; it stays uncommitted", channel);
                    return Optional.empty();
                }
                backoff = backoff.multipliedBy(2).compareTo(retry.maxBackoff()) > 0 ? retry.maxBackoff()
                        : backoff.multipliedBy(2);
            }
        }
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
