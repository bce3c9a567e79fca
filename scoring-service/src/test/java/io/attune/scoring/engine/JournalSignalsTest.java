package io.attune.scoring.engine;

import static io.attune.scoring.engine.CanonicalExampleTest.dimension;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class JournalSignalsTest {
    private final AttunementAnalyzer analyzer = new AttunementAnalyzer();

    private Assessment journal(String text, EmotionTag... tags) {
        return analyzer.analyze(new JournalEntry(text, List.of(tags), "self", "en"));
    }

    @Test
    void attunedEntryScoresHighWithEvidence() {
        Assessment a = journal("When my manager criticized me in the meeting I felt embarrassed and resentful. "
            + "I noticed my chest getting tight and took a slow breath. It's okay to feel this; I let myself feel it.");
        assertThat(a.kind()).isEqualTo("journal");
        assertThat(a.band()).isEqualTo(Band.ATTUNED);
        assertThat(a.dimensions()).extracting(DimensionScore::name).containsExactly("emotional-awareness",
            "trigger-insight", "self-compassion", "acceptance", "mindfulness", "focus");
        assertThat(dimension(a, "emotional-awareness").score()).isGreaterThanOrEqualTo(60);
        assertThat(dimension(a, "trigger-insight").score()).isGreaterThanOrEqualTo(60);
        assertThat(dimension(a, "mindfulness").score()).isGreaterThanOrEqualTo(60);
    }

    @Test
    void selfLabelsAvoidanceAndMultitaskingScoreLow() {
        Assessment a = journal("I am so lazy. What's wrong with me. I pushed it down and kept busy while scrolling.");
        assertThat(a.band()).isEqualTo(Band.MISATTUNED);
        assertThat(dimension(a, "self-compassion").score()).isLessThanOrEqualTo(40);
        assertThat(dimension(a, "acceptance").score()).isLessThanOrEqualTo(40);
        assertThat(dimension(a, "focus").score()).isLessThanOrEqualTo(40);
    }

    @Test
    void genericWordsShowLessAwarenessThanGranularOnes() {
        int generic = dimension(journal("Felt bad today."), "emotional-awareness").score();
        int granular = dimension(journal("Felt resentful and embarrassed today."), "emotional-awareness").score();
        assertThat(granular).isGreaterThan(generic);
    }

    @Test
    void negatedSelfLabelIsNotASelfLabel() {
        Assessment a = journal("I am not lazy, I was exhausted.");
        assertThat(dimension(a, "self-compassion").evidence()).extracting(Evidence::signal).doesNotContain("self-label");
    }

    @Test
    void selfReportedTagsAreEvidence() {
        Assessment a = journal("Long day.", new EmotionTag("anxious", 7));
        assertThat(dimension(a, "emotional-awareness").evidence()).anySatisfy(e -> {
            assertThat(e.turn()).isEqualTo(Evidence.EMOTION_TAG);
            assertThat(e.text()).isEqualTo("anxious");
            assertThat(e.signal()).isEqualTo("self-reported-emotion");
        });
    }
}
