package io.attune.recommendation.rest.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import io.attune.recommendation.store.AssessmentStore;
import io.attune.recommendation.store.AssessmentStore.Span;
import org.junit.jupiter.api.Test;

/** How the assessment view places evidence spans in the client's words. */
class DashboardViewsTest {

    @Test
    void overlappingSpansRebuildTheTurnAndCarryEverySignalOverThem() {
        List<Views.Passage> passages = DashboardViews.passages(assessment(
                dimension("acknowledgement", new Span(1, 0, 11, "That sucks!", "generic-reaction", -10)),
                dimension("exploration", new Span(1, 12, 27, "Just forget it.", "closing-comment", -20)),
                dimension("mirroring", new Span(1, 0, 16, "That sucks! Just", "affect-not-mirrored", 5))));

        assertThat(passages).hasSize(1);
        assertThat(passages.get(0).label()).isEqualTo("turn 2");
        List<Views.Segment> segments = passages.get(0).segments();
        assertThat(segments).extracting(Views.Segment::text)
                .containsExactly("That sucks!", " ", "Just", " forget it.");
        assertThat(String.join("", segments.stream().map(Views.Segment::text).toList()))
                .isEqualTo("That sucks! Just forget it.");
        assertThat(segments.get(0).signals()).containsExactly("generic-reaction (acknowledgement)",
                "affect-not-mirrored (mirroring)");
        assertThat(segments.get(0).tone()).isEqualTo("lowers");
        assertThat(segments.get(1).signals()).containsExactly("affect-not-mirrored (mirroring)");
        assertThat(segments.get(1).tone()).isEqualTo("raises");
        assertThat(segments.get(2).signals()).containsExactly("closing-comment (exploration)",
                "affect-not-mirrored (mirroring)");
    }

    @Test
    void aGapBetweenSpansIsAnEllipsisAndTurnsComeInOrder() {
        List<Views.Passage> passages = DashboardViews.passages(assessment(
                dimension("inquiry", new Span(3, 20, 24, "Why?", "open-question", 10)),
                dimension("presence", new Span(0, 4, 9, "tired", "feeling-named", 15),
                        new Span(3, 0, 5, "Hmm, ", "filler", -5))));

        assertThat(passages).extracting(Views.Passage::label).containsExactly("turn 1", "turn 4");
        assertThat(passages.get(0).segments()).extracting(Views.Segment::text).containsExactly("… ", "tired");
        assertThat(passages.get(1).segments()).extracting(Views.Segment::text)
                .containsExactly("Hmm, ", " … ", "Why?");
        assertThat(passages.get(1).segments().get(1).chip()).isFalse();
    }

    @Test
    void spansThatDisagreeAboutTheirTextAreShownOneAfterAnother() {
        List<Views.Passage> passages = DashboardViews.passages(assessment(
                dimension("focus", new Span(-1, 0, 6, "guilty", "feeling-named", 15)),
                dimension("mindfulness", new Span(-1, 0, 8, "scrolled", "multitasking", -40))));

        assertThat(passages.get(0).label()).isEqualTo("the text");
        assertThat(passages.get(0).segments()).extracting(Views.Segment::text)
                .containsExactly("guilty", " … ", "scrolled");
        assertThat(passages.get(0).segments().get(2).signals()).containsExactly("multitasking (mindfulness)");
    }

    @Test
    void spansWhoseOffsetsDoNotFitTheirTextAreLeftOut() {
        List<Views.Passage> passages = DashboardViews.passages(assessment(
                dimension("focus", new Span(-1, 0, 3, "guilty", "feeling-named", 15))));

        assertThat(passages).isEmpty();
    }

    @Test
    void inTheFullTextEverySpanThatFitsBecomesAChipAndTheRestStaysPlain() {
        AssessmentStore.Assessment a = assessment(
                dimension("acknowledgement", new Span(0, 0, 11, "That sucks!", "generic-reaction", -10)),
                dimension("exploration", new Span(0, 12, 27, "Just forget it.", "closing-comment", -20),
                        new Span(1, 0, 4, "Nope", "stale-offsets", -5)));

        List<Views.Passage> passages = DashboardViews.inText(a,
                new java.util.TreeMap<>(java.util.Map.of(0, "That sucks! Just forget it. Let's eat.", 1, "Okay.")));

        assertThat(passages).extracting(Views.Passage::label).containsExactly("turn 1", "turn 2");
        assertThat(passages.get(0).segments()).extracting(Views.Segment::text)
                .containsExactly("That sucks!", " ", "Just forget it.", " Let's eat.");
        assertThat(passages.get(0).segments()).extracting(Views.Segment::chip).containsExactly(true, false, true, false);
        assertThat(passages.get(1).segments()).extracting(Views.Segment::text).containsExactly("Okay.");
        assertThat(passages.get(1).segments().get(0).chip()).isFalse();
    }

    private static AssessmentStore.Dimension dimension(String name, Span... spans) {
        return new AssessmentStore.Dimension(name, 50, List.of(spans));
    }

    private static AssessmentStore.Assessment assessment(AssessmentStore.Dimension... dimensions) {
        return new AssessmentStore.Assessment("a-1", "client-1", "conversation", "partner", "s-1", 50,
                "partly-attuned", "none", Instant.parse("2026-01-01T00:00:00Z"), List.of(dimensions), List.of());
    }
}
