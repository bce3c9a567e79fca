package io.attune.scoring.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.attune.chassis.crypto.DataKeys;
import io.attune.scoring.config.ScoringConfig;
import io.attune.scoring.engine.AttunementAnalyzer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

/** A score the broker did not take is sent again; the input is settled only by the outcome that is final. */
class ScoringProcessorRetryTest {

    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule()).build();
    private static final String ENTRY = """
            {"entryId":"5b0e7a52-3c1f-4f5e-9d5e-0c2a9d1f4b11","clientId":"client-a","context":"partner",
             "text":"I kept scrolling my phone while my partner talked. I felt guilty.","locale":"en",
             "recordedAt":"2026-12-01T10:00:00Z"}""";

    final SimpleMeterRegistry metrics = new SimpleMeterRegistry();

    @Test
    void aScoreTheBrokerTimedOutOnIsSentAgainUntilAcknowledgedAndOnlyThenIsTheInputAcked() throws Exception {
        BrokerStub broker = new BrokerStub(attempt -> attempt < 3 ? new TimeoutException("broker away") : null);
        Settlement input = new Settlement();

        processor(broker).onJournalEntry(input.message(ENTRY)).toCompletableFuture().get(10, TimeUnit.SECONDS);

        assertThat(broker.attempts).hasValue(3);
        assertThat(broker.sent).hasSize(3).allSatisfy(json -> assertThat(json).isEqualTo(broker.sent.get(0)));
        assertThat(input.acked).isTrue();
        assertThat(input.nacked).isNull();
        assertThat(metrics.counter("attune.messaging.retries", "channel", "journal-entries").count())
                .isEqualTo(2);
    }

    @Test
    void aScoreTheBrokerCanNeverTakeSendsTheInputToTheDeadLetterQueueWithoutRetrying() throws Exception {
        BrokerStub broker = new BrokerStub(attempt -> new RecordTooLargeException("too large"));
        Settlement input = new Settlement();

        processor(broker).onJournalEntry(input.message(ENTRY)).toCompletableFuture().get(10, TimeUnit.SECONDS);

        assertThat(broker.attempts).hasValue(1);
        assertThat(input.acked).isFalse();
        assertThat(input.nacked).isInstanceOf(RecordTooLargeException.class);
    }

    @Test
    void anInputThatCannotBeScoredIsDeadLetteredAndNothingIsSent() throws Exception {
        BrokerStub broker = new BrokerStub(attempt -> null);
        Settlement input = new Settlement();

        processor(broker).onJournalEntry(input.message("{\"entryId\":\"only\"}")).toCompletableFuture()
                .get(10, TimeUnit.SECONDS);

        assertThat(broker.attempts).hasValue(0);
        assertThat(input.nacked).isInstanceOf(IllegalArgumentException.class);
    }

    private ScoringProcessor processor(BrokerStub broker) {
        return processor(broker, (clientId, kid) -> CompletableFuture.failedFuture(
                new AssertionError("no key is needed for words in the clear")));
    }

    ScoringProcessor processor(Emitter<String> broker, DataKeys keys) {
        return new ScoringProcessor(new AttunementAnalyzer(), broker, JSON,
                Clock.fixed(Instant.parse("2026-12-01T10:00:01Z"), ZoneOffset.UTC), metrics, config(), keys);
    }

    /** Only the retry settings are read: short, so the test does not wait long. */
    static ScoringConfig config() {
        ScoringConfig.Retry retry = new ScoringConfig.Retry() {
            @Override
            public Duration initialBackoff() {
                return Duration.ofMillis(10);
            }

            @Override
            public Duration maxBackoff() {
                return Duration.ofMillis(40);
            }
        };
        return (ScoringConfig) Proxy.newProxyInstance(ScoringConfig.class.getClassLoader(),
                new Class<?>[] { ScoringConfig.class }, (proxy, method, args) -> {
                    if (method.getName().equals("retry")) {
                        return retry;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    /** The outgoing channel: acknowledges or refuses each send as told. */
    static final class BrokerStub implements Emitter<String> {

        private final Function<Integer, Exception> outcome;
        final AtomicInteger attempts = new AtomicInteger();
        final List<String> sent = new ArrayList<>();

        BrokerStub(Function<Integer, Exception> outcome) {
            this.outcome = outcome;
        }

        @Override
        public synchronized <M extends Message<? extends String>> void send(M message) {
            sent.add(message.getPayload());
            Exception failure = outcome.apply(attempts.incrementAndGet());
            if (failure == null) {
                message.ack();
            } else {
                message.nack(failure);
            }
        }

        @Override
        public CompletionStage<Void> send(String payload) {
            throw new UnsupportedOperationException();
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

    /** How the input message was settled. */
    static final class Settlement {

        volatile boolean acked;
        volatile Throwable nacked;

        Message<String> message(String payload) {
            return Message.of(payload)
                    .withAck(() -> {
                        acked = true;
                        return CompletableFuture.completedFuture(null);
                    })
                    .withNack(failure -> {
                        nacked = failure;
                        return CompletableFuture.completedFuture(null);
                    });
        }
    }
}
