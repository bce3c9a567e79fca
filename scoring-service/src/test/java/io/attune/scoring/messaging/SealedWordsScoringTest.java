package io.attune.scoring.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.attune.chassis.crypto.DataKey;
import io.attune.chassis.crypto.DataKeys;
import io.attune.chassis.crypto.KeyServiceUnavailableException;
import io.attune.chassis.crypto.SealedFields;
import org.junit.jupiter.api.Test;

/**
 * Words sealed with the client's data key are opened for scoring and the evidence quotes of the score are sealed
 * again with that key; an event of an erased client (no key any more) is skipped, neither retried nor dead-lettered.
 */
class SealedWordsScoringTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WORDS = "My supervisor called me stupid again. I hate him!";
    private static final String SAMPLE = """
            {"sampleId":"9d7e0a52-3c1f-4f5e-9d5e-0c2a9d1f4b11","clientId":"client-a","relationship":"partner",
             "clientSpeaker":"Steve","turns":[{"speaker":"Ann","text":"%s"},
             {"speaker":"Steve","text":"That sucks! Just forget it."}],"locale":"en",
             "recordedAt":"2026-12-01T10:00:00Z"}""".formatted(WORDS);

    private final DataKey key = DataKey.generate("client-a");
    private final ScoringProcessorRetryTest harness = new ScoringProcessorRetryTest();

    @Test
    void sealedWordsAreScoredAndTheEvidenceLeavesSealedWithTheSameKey() throws Exception {
        ScoringProcessorRetryTest.BrokerStub broker = new ScoringProcessorRetryTest.BrokerStub(attempt -> null);
        ScoringProcessorRetryTest.Settlement input = new ScoringProcessorRetryTest.Settlement();

        harness.processor(broker, keys(Optional.of(key))).onConversationSample(input.message(sealed(SAMPLE)))
                .toCompletableFuture().get(10, TimeUnit.SECONDS);

        assertThat(input.acked).isTrue();
        assertThat(broker.sent).hasSize(1);
        String score = broker.sent.get(0);
        assertThat(score).doesNotContain("hate", "forget", "supervisor").contains("\"alg\":\"A256GCM\"");
        JsonNode tree = JSON.readTree(score);
        assertThat(SealedFields.kid(tree)).contains(key.kid());
        SealedFields.openAll(tree, key);
        assertThat(tree.toString()).contains("Just forget it");
    }

    @Test
    void anEventOfAnErasedClientIsSkippedAndCounted() throws Exception {
        ScoringProcessorRetryTest.BrokerStub broker = new ScoringProcessorRetryTest.BrokerStub(attempt -> null);
        ScoringProcessorRetryTest.Settlement input = new ScoringProcessorRetryTest.Settlement();

        harness.processor(broker, keys(Optional.empty())).onConversationSample(input.message(sealed(SAMPLE)))
                .toCompletableFuture().get(10, TimeUnit.SECONDS);

        assertThat(input.acked).isTrue();
        assertThat(input.nacked).isNull();
        assertThat(broker.sent).isEmpty();
    }

    @Test
    void whileTheKeyServiceIsAwayTheEventWaitsAndIsScoredWhenItAnswers() throws Exception {
        ScoringProcessorRetryTest.BrokerStub broker = new ScoringProcessorRetryTest.BrokerStub(attempt -> null);
        ScoringProcessorRetryTest.Settlement input = new ScoringProcessorRetryTest.Settlement();
        AtomicInteger asked = new AtomicInteger();
        DataKeys flaky = (clientId, kid) -> asked.incrementAndGet() < 3
                ? CompletableFuture.failedFuture(new KeyServiceUnavailableException("down",
                        new IOException("connection refused")))
                : CompletableFuture.completedFuture(Optional.of(key));

        harness.processor(broker, flaky).onConversationSample(input.message(sealed(SAMPLE)))
                .toCompletableFuture().get(10, TimeUnit.SECONDS);

        assertThat(asked).hasValue(3);
        assertThat(input.acked).isTrue();
        assertThat(broker.sent).hasSize(1);
    }

    @Test
    void wordsSealedForAnotherClientAreDeadLettered() throws Exception {
        ScoringProcessorRetryTest.BrokerStub broker = new ScoringProcessorRetryTest.BrokerStub(attempt -> null);
        ScoringProcessorRetryTest.Settlement input = new ScoringProcessorRetryTest.Settlement();
        JsonNode tree = JSON.readTree(SAMPLE);
        SealedFields.sealAll(tree, key, SealedFields.named("text"));
        ((ObjectNode) tree).put("clientId", "client-b");
        DataKey sameKeyOtherClient = new DataKey("client-b", key.kid(), key.key());

        harness.processor(broker, keys(Optional.of(sameKeyOtherClient))).onConversationSample(input.message(
                JSON.writeValueAsString(tree))).toCompletableFuture().get(10, TimeUnit.SECONDS);

        assertThat(input.acked).isFalse();
        assertThat(input.nacked).isNotNull();
        assertThat(broker.sent).isEmpty();
    }

    private String sealed(String event) throws Exception {
        JsonNode tree = JSON.readTree(event);
        SealedFields.sealAll(tree, key, SealedFields.named("text"));
        return JSON.writeValueAsString(tree);
    }

    private static DataKeys keys(Optional<DataKey> answer) {
        return (clientId, kid) -> CompletableFuture.completedFuture(answer);
    }

}
