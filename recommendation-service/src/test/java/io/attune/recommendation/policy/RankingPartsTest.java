package io.attune.recommendation.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RankingPartsTest {

    private static Exercise withContexts(String id, List<String> contexts) {
        return new Exercise(id, id, "Do it. Then reflect.", 5, List.of("acknowledgement"), contexts, List.of(), "t");
    }

    @Test
    void contextFitIsExactGenericOrExcluded() {
        assertThat(ContextFit.of(withContexts("x", List.of("partner")), "partner")).isEqualTo(1.0);
        assertThat(ContextFit.of(withContexts("x", List.of()), "partner")).isEqualTo(0.6);
        assertThat(ContextFit.of(withContexts("x", List.of("other")), "friend")).isEqualTo(0.6);
        assertThat(ContextFit.of(withContexts("x", List.of("other")), "other")).isEqualTo(1.0);
        assertThat(ContextFit.of(withContexts("x", List.of("partner")), "child")).isEqualTo(0.0);
    }

    @Test
    void parentingCheckInSuitsOnlyAChildEvenIfItsEntryIsWidened() {
        Exercise widened = withContexts(ExerciseIds.PARENTING_CHECK_IN, List.of("child", "partner", "other"));

        assertThat(ContextFit.of(widened, "child")).isEqualTo(1.0);
        assertThat(ContextFit.of(widened, "partner")).isEqualTo(0.0);
        assertThat(ContextFit.of(widened, "other")).isEqualTo(0.0);
    }

    @Test
    void helpfulnessMapsOneToFiveOntoPointSixToOnePointFour() {
        assertThat(FeedbackFactor.of(null, 0, 5)).isEqualTo(1.0);
        assertThat(FeedbackFactor.of(1.0, 0, 5)).isCloseTo(0.6, within(1e-9));
        assertThat(FeedbackFactor.of(3.0, 0, 5)).isCloseTo(1.0, within(1e-9));
        assertThat(FeedbackFactor.of(4.0, 0, 5)).isCloseTo(1.2, within(1e-9));
        assertThat(FeedbackFactor.of(5.0, 0, 5)).isCloseTo(1.4, within(1e-9));
        assertThat(FeedbackFactor.of(9.0, 0, 5)).isCloseTo(1.4, within(1e-9));
        assertThat(FeedbackFactor.of(Double.NaN, 0, 5)).isEqualTo(1.0);
    }

    @Test
    void completionsLowerTheFactorWithinItsBounds() {
        assertThat(FeedbackFactor.of(null, 2, 5)).isCloseTo(0.9, within(1e-9));
        assertThat(FeedbackFactor.of(null, 5, 5)).isCloseTo(0.75, within(1e-9));
        assertThat(FeedbackFactor.of(null, 50, 5)).isCloseTo(0.75, within(1e-9));
        assertThat(FeedbackFactor.of(5.0, 5, 5)).isCloseTo(1.05, within(1e-9));
        assertThat(FeedbackFactor.of(1.0, 5, 5)).isCloseTo(0.6, within(1e-9));
    }

    @Test
    void summariesLabelDimensionsAndShortenLongEvidence() {
        ScoreSnapshot sample = Snapshots.conversation("a", "friend", 40, "none");
        String longEvidence = "word ".repeat(60);

        assertThat(PickSummaries.label("listening-balance")).isEqualTo("Listening balance");
        assertThat(PickSummaries.weakDimension(new DimensionReading("inquiry", 10, null), sample))
                .isEqualTo("Inquiry scored 10/100 in this conversation.");
        assertThat(PickSummaries.weakDimension(new DimensionReading("inquiry", 10, longEvidence), sample))
                .hasSizeLessThan(PickSummaries.MAX_EXCERPT_CHARS + 60)
                .endsWith("…\").");
    }

    @Test
    void safetyLevelsParseIgnoringCaseAndRejectTheUnknown() {
        assertThat(SafetyLevel.of("Crisis")).isEqualTo(SafetyLevel.CRISIS);
        assertThat(SafetyLevel.of("concern").atLeastConcern()).isTrue();
        assertThat(SafetyLevel.of("none").atLeastConcern()).isFalse();
        assertThatThrownBy(() -> SafetyLevel.of(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SafetyLevel.of("high")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void thresholdsHaveTheDocumentedDefaultsAndRejectNonsense() {
        assertThat(PolicyThresholds.defaults())
                .isEqualTo(new PolicyThresholds(50, 3, Duration.ofDays(14), 5, 4, 35, 3, 2));
        assertThatThrownBy(() -> new PolicyThresholds(50, 0, Duration.ofDays(14), 5, 4, 35, 3, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxActive");
        assertThatThrownBy(() -> new PolicyThresholds(50, 3, Duration.ofDays(14), 5, 4, 35, 5, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("escalationMinLowCount");
        assertThatThrownBy(() -> new PolicyThresholds(50, 3, Duration.ofDays(-1), 5, 4, 35, 3, 2))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
