package io.attune.recommendation.policy;

import static io.attune.recommendation.policy.Snapshots.conversation;
import static io.attune.recommendation.policy.Snapshots.journal;
import static io.attune.recommendation.policy.Snapshots.reading;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScoreProfileTest {

    private static ScoreSnapshot withAcknowledgement(int overall, int acknowledgement) {
        return conversation("a" + overall, "partner", overall, "none", reading("acknowledgement", acknowledgement));
    }

    @Test
    void emptyHistoryHasNoProfile() {
        ProfileSummary summary = ScoreProfile.summarize(List.of(), 4);

        assertThat(summary.overall()).isNull();
        assertThat(summary.dimensions()).isEmpty();
        assertThat(summary.window()).isEqualTo(4);
    }

    @Test
    void latestAverageAndCountCoverOnlyTheWindow() {
        List<ScoreSnapshot> history = List.of(
                withAcknowledgement(10, 0), withAcknowledgement(20, 30), withAcknowledgement(30, 40),
                withAcknowledgement(40, 50), withAcknowledgement(50, 61));

        DimensionProfile acknowledgement = ScoreProfile.summarize(history, 4).dimensions().get(0);

        assertThat(acknowledgement).isEqualTo(new DimensionProfile("acknowledgement", 61, 45.3, Trend.IMPROVING, 4));
        assertThat(ScoreProfile.summarize(history, 4).overall().rollingAverage()).isEqualTo(35.0);
    }

    @Test
    void trendComparesHalvesWithADeadBand() {
        assertThat(ScoreProfile.trend(List.of(30, 35, 60, 70))).isEqualTo(Trend.IMPROVING);
        assertThat(ScoreProfile.trend(List.of(70, 60, 35, 30))).isEqualTo(Trend.DECLINING);
        assertThat(ScoreProfile.trend(List.of(50, 52, 53, 51))).isEqualTo(Trend.STEADY);
        assertThat(ScoreProfile.trend(List.of(50, 55))).isEqualTo(Trend.STEADY);
        assertThat(ScoreProfile.trend(List.of(50, 56))).isEqualTo(Trend.IMPROVING);
        assertThat(ScoreProfile.trend(List.of(42))).isEqualTo(Trend.STEADY);
        // the middle of an odd window belongs to neither half
        assertThat(ScoreProfile.trend(List.of(30, 90, 40))).isEqualTo(Trend.IMPROVING);
        assertThat(Trend.DECLINING.label()).isEqualTo("declining");
    }

    @Test
    void conversationAndJournalDimensionsKeepTheirOwnWindows() {
        List<ScoreSnapshot> history = List.of(
                journal("j1", 40, "none", reading("focus", 20)),
                withAcknowledgement(50, 50),
                journal("j2", 60, "none", reading("focus", 80)),
                withAcknowledgement(70, 30));

        ProfileSummary summary = ScoreProfile.summarize(history, 2);

        assertThat(summary.dimensions()).extracting(DimensionProfile::name)
                .containsExactly("acknowledgement", "focus");
        assertThat(summary.dimensions().get(1))
                .isEqualTo(new DimensionProfile("focus", 80, 50.0, Trend.IMPROVING, 2));
        assertThat(summary.dimensions().get(0).trend()).isEqualTo(Trend.DECLINING);
        assertThat(summary.overall()).isEqualTo(new DimensionProfile("overall", 70, 65.0, Trend.IMPROVING, 2));
    }

    @Test
    void rejectsAnEmptyWindow() {
        assertThatThrownBy(() -> ScoreProfile.summarize(List.of(), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
