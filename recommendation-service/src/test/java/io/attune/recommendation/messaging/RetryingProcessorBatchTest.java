package io.attune.recommendation.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import com.mongodb.MongoSocketException;
import com.mongodb.ServerAddress;
import io.attune.recommendation.config.RecommendationConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

/** How a consumed batch is settled: retried as a whole, taken apart only for a record that cannot succeed. */
class RetryingProcessorBatchTest {

    private final List<String> events = new ArrayList<>();
    private final RetryingProcessor processor = new RetryingProcessor(config(), new SimpleMeterRegistry());

    @Test
    void aBatchThatSucceedsIsAcknowledgedOnceAndNoRecordIsSettledAlone() {
        List<Message<String>> records = List.of(record("a"), record("b"), record("c"));
        List<List<String>> batchRuns = new ArrayList<>();

        settle(records, all -> batchRuns.add(all.stream().map(Message::getPayload).toList()),
                one -> events.add("alone " + one.getPayload()));

        assertThat(batchRuns).containsExactly(List.of("a", "b", "c"));
        assertThat(events).containsExactly("batch acked");
    }

    @Test
    void aPoisonRecordIsDeadLetteredWhileItsSiblingsAreProcessedInOrder() {
        List<Message<String>> records = List.of(record("a"), record("poison"), record("c"));

        settle(records, all -> {
            throw new IllegalStateException("one record of this batch is bad");
        }, one -> {
            if (one.getPayload().equals("poison")) {
                throw new IllegalArgumentException("bad record");
            }
            events.add("processed " + one.getPayload());
        });

        assertThat(events).containsExactly("processed a", "nacked poison: bad record", "processed c", "batch acked");
    }

    @Test
    void aTransientFailureRetriesTheWholeBatchWithoutDeadLetteringAnything() {
        List<Message<String>> records = List.of(record("a"), record("b"));
        AtomicInteger attempts = new AtomicInteger();

        settle(records, all -> {
            if (attempts.incrementAndGet() < 3) {
                throw new MongoSocketException("MongoDB is away", new ServerAddress());
            }
            events.add("stored " + all.size());
        }, one -> events.add("alone " + one.getPayload()));

        assertThat(attempts).hasValue(3);
        assertThat(events).containsExactly("stored 2", "batch acked");
    }

    @Test
    void recordsRefusedBeforeTheWorkAreDeadLetteredBeforeTheBatchIsAcknowledged() {
        CompletableFuture<Void> dlqWrite = new CompletableFuture<>();
        CompletionStage<Void> settled = processor.processBatch("scores", batch(), List.of(record("a")), m -> m,
                all -> events.add("stored " + all.size()), one -> events.add("alone"), List.of(dlqWrite));

        assertThat(events).containsExactly("stored 1");
        assertThat(settled.toCompletableFuture()).isNotDone();
        dlqWrite.complete(null);
        settled.toCompletableFuture().join();
        assertThat(events).containsExactly("stored 1", "batch acked");
    }

    private void settle(List<Message<String>> records, Consumer<List<Message<String>>> batchWork,
            Consumer<Message<String>> recordWork) {
        processor.processBatch("scores", batch(), records, m -> m, batchWork, recordWork, List.of())
                .toCompletableFuture().join();
    }

    private Message<List<String>> batch() {
        return Message.<List<String>>of(List.of()).withAck(() -> {
            events.add("batch acked");
            return CompletableFuture.completedFuture(null);
        });
    }

    private Message<String> record(String payload) {
        return Message.of(payload).withAck(() -> {
            events.add("acked " + payload);
            return CompletableFuture.completedFuture(null);
        }).withNack(failure -> {
            events.add("nacked " + payload + ": " + failure.getMessage());
            return CompletableFuture.completedFuture(null);
        });
    }

    private static RecommendationConfig config() {
        RecommendationConfig.Retry retry = new RecommendationConfig.Retry() {
            @Override
            public Duration initialBackoff() {
                return Duration.ofMillis(1);
            }

            @Override
            public Duration maxBackoff() {
                return Duration.ofMillis(2);
            }
        };
        return (RecommendationConfig) Proxy.newProxyInstance(RecommendationConfig.class.getClassLoader(),
                new Class<?>[] { RecommendationConfig.class }, (proxy, method, args) -> {
                    if (method.getName().equals("retry")) {
                        return retry;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
