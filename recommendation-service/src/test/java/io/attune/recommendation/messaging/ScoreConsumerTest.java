package io.attune.recommendation.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import io.attune.recommendation.messaging.AttunementScoreComputed.Dimension;
import io.attune.recommendation.messaging.AttunementScoreComputed.Evidence;
import io.attune.recommendation.messaging.AttunementScoreComputed.Overall;
import io.attune.recommendation.messaging.AttunementScoreComputed.Safety;
import org.junit.jupiter.api.Test;

/** What the consumer refuses before anything is stored (the refused message goes to the DLQ). */
class ScoreConsumerTest {

    @Test
    void anUnknownSafetyLevelIsRefusedBeforeItCanReachTheProfile() {
        assertThatThrownBy(() -> ScoreConsumer.toSnapshot(score(new Safety("unsure", List.of(), List.of()))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unsure");
    }

    @Test
    void aScoreWithoutSafetyIsRefused() {
        assertThatThrownBy(() -> ScoreConsumer.toSnapshot(score(null)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theExcerptIsCutTo300Characters() {
        String longSpan = "x".repeat(400);
        AttunementScoreComputed score = new AttunementScoreComputed("s", "e", "src", null, "c", "journal", "self", "en",
                new Overall(40, "partly-attuned"),
                List.of(new Dimension("focus", 20, List.of(new Evidence(-1, 0, 400, longSpan, "multitasking", -30)))),
                List.of(), new Safety("none", List.of(), List.of()), "v", Instant.now());

        assertThat(ScoreConsumer.toSnapshot(score).dimensions().get(0).evidenceExcerpt()).hasSize(300);
    }

    private static AttunementScoreComputed score(Safety safety) {
        return new AttunementScoreComputed("s", "e", "src", null, "c", "journal", "self", "en",
                new Overall(40, "partly-attuned"), List.of(new Dimension("focus", 20, List.of())), List.of(), safety,
                "v", Instant.now());
    }
}
