package io.attune.recommendation.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import io.attune.recommendation.config.RecommendationConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.helpers.test.AssertSubscriber;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The seam between a stream's catch-up from the topic and the live records: every offset once, in order. */
class RecommendationFeedTest {

    private static final String CLIENT = "client-a";
    private static final TopicPartition PARTITION = new TopicPartition(TopicReader.TOPIC, 0);
    private static final int BUFFER = 4;

    private final CompletableFuture<TopicReader.Catchup> catchup = new CompletableFuture<>();
    private RecommendationFeed feed;

    @BeforeEach
    void feedWhoseLiveConsumerIsInPlace() {
        TopicReader reader = new TopicReader("unused:9092") {
            @Override
            CompletableFuture<Catchup> read(String clientId, StreamEvent.Position resume, Map<Integer, Long> live,
                    int limit, int lookback) {
                return catchup;
            }
        };
        feed = new RecommendationFeed(reader, config(), new SimpleMeterRegistry());
        MockConsumer<String, String> consumer = new MockConsumer<>("latest");
        consumer.assign(List.of(PARTITION));
        consumer.updateEndOffsets(Map.of(PARTITION, 0L));
        feed.onPartitionsAssigned(consumer, List.of(PARTITION));
    }

    @Test
    void liveRecordsThatArriveDuringTheCatchUpFollowItWithoutGapsOrRepeats() {
        AssertSubscriber<StreamEvent> stream = feed.stream(CLIENT, new StreamEvent.Position(0, 4))
                .subscribe().withSubscriber(AssertSubscriber.create(Long.MAX_VALUE));
        live(8, "e8");
        live(11, "e11");
        live(9, "other-client", "x9");

        catchup.complete(new TopicReader.Catchup(0, 5, List.of(event(5, "e5"), event(8, "e8")), Set.of(), 10, false));
        live(12, "e12");

        assertThat(stream.getItems()).extracting(StreamEvent::offset).containsExactly(5L, 8L, 11L, 12L);
        assertThat(stream.getItems()).extracting(StreamEvent::sseId).containsExactly("0-5", "0-8", "0-11", "0-12");
    }

    @Test
    void anEventPublishedTwiceIsSentOnceIncludingOneSentBeforeTheReconnect() {
        AssertSubscriber<StreamEvent> stream = feed.stream(CLIENT, new StreamEvent.Position(0, 4))
                .subscribe().withSubscriber(AssertSubscriber.create(Long.MAX_VALUE));
        catchup.complete(new TopicReader.Catchup(0, 5, List.of(event(5, "e5"), event(6, "e3")), Set.of("e3"), 7,
                false));
        live(7, "e5");
        live(8, "e8");

        assertThat(stream.getItems()).extracting(StreamEvent::eventId).containsExactly("e5", "e8");
    }

    @Test
    void aStreamThatFallsTooFarBehindIsClosedNotThinnedOut() {
        AssertSubscriber<StreamEvent> stream = feed.stream(CLIENT, null)
                .subscribe().withSubscriber(AssertSubscriber.create(1));
        catchup.complete(new TopicReader.Catchup(0, 0, List.of(), Set.of(), 0, false));
        for (int offset = 0; offset < BUFFER + 2; offset++) {
            live(offset, "e" + offset);
        }

        stream.awaitCompletion(Duration.ofSeconds(5));
        assertThat(stream.getItems()).extracting(StreamEvent::offset).containsExactly(0L);
    }

    @Test
    void aCatchUpLongerThanOneConnectionHoldsEndsTheStreamSoTheClientComesBackForTheRest() {
        AssertSubscriber<StreamEvent> stream = feed.stream(CLIENT, new StreamEvent.Position(0, 0))
                .subscribe().withSubscriber(AssertSubscriber.create(Long.MAX_VALUE));
        catchup.complete(new TopicReader.Catchup(0, 1, List.of(event(1, "e1"), event(2, "e2")), Set.of(), 3, true));

        stream.awaitCompletion(Duration.ofSeconds(5));
        assertThat(stream.getItems()).extracting(StreamEvent::offset).containsExactly(1L, 2L);
    }

    private void live(long offset, String eventId) {
        live(offset, CLIENT, eventId);
    }

    private void live(long offset, String clientId, String eventId) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(TopicReader.TOPIC, 0, offset, clientId, "{}");
        record.headers().add("ce_id", eventId.getBytes(StandardCharsets.UTF_8));
        feed.onRecord(record);
    }

    private static StreamEvent event(long offset, String eventId) {
        return new StreamEvent(0, offset, CLIENT, eventId, "{}");
    }

    /** Only the stream settings are read by the feed. */
    private static RecommendationConfig config() {
        RecommendationConfig.Stream stream = new RecommendationConfig.Stream() {
            @Override
            public int buffer() {
                return BUFFER;
            }

            @Override
            public int dedupeLookback() {
                return 10;
            }

            @Override
            public Duration feedReadyTimeout() {
                return Duration.ofSeconds(5);
            }
        };
        return (RecommendationConfig) Proxy.newProxyInstance(RecommendationConfig.class.getClassLoader(),
                new Class<?>[] { RecommendationConfig.class }, (proxy, method, args) -> {
                    if (method.getName().equals("stream")) {
                        return stream;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
