package io.attune.scoring.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Odd but valid input never throws; structurally impossible input is an IllegalArgumentException. */
class RobustnessTest {
    private final AttunementAnalyzer analyzer = new AttunementAnalyzer();

    private static ConversationSample sample(String client, Turn... turns) {
        return new ConversationSample("other", client, List.of(turns), "en");
    }

    @Test
    void oddConversationsAreScored() {
        List<ConversationSample> odd = List.of(
            sample("B", new Turn("A", ""), new Turn("B", "   ")),
            sample("B", new Turn("A", "?!?!"), new Turn("B", "...")),
            sample("B", new Turn("B", "I'm talking to myself here.")),
            sample("Nobody", new Turn("A", "Hi"), new Turn("B", "Hello")),
            sample("B", new Turn("A", "\uD83D\uDE2D\uD83D\uDE2D"), new Turn("B", "\u2764\ufe0f")),
            sample("b", new Turn("A", "J'ai peur, tr\u00e8s peur."), new Turn("B", "\u00bfQu\u00e9 pas\u00f3?")),
            sample("B", new Turn(null, "no speaker"), new Turn("B", null)),
            sample("B"));
        for (ConversationSample s : odd) {
            Assessment a = analyzer.analyze(s);
            assertThat(a.dimensions()).hasSize(6);
            assertThat(a.dimensions()).allSatisfy(d -> assertThat(d.score()).isBetween(0, 100));
            assertThat(a.overallScore()).isBetween(0, 100);
        }
    }

    @Test
    void veryLongTextIsScored() {
        String paragraph = "I hate this, it is so unfair! You should just quit. What happened? Tell me more. ";
        StringBuilder b = new StringBuilder();
        while (b.length() < 200_000) {
            b.append(paragraph);
        }
        Assessment a = analyzer.analyze(sample("B", new Turn("A", b.toString()), new Turn("B", b.toString())));
        assertThat(a.dimensions()).allSatisfy(d -> assertThat(d.score()).isBetween(0, 100));
        Assessment j = analyzer.analyze(new JournalEntry(b.toString(), List.of(), null, null));
        assertThat(j.overallScore()).isBetween(0, 100);
    }

    @Test
    void emptyJournalIsScored() {
        Assessment a = analyzer.analyze(new JournalEntry("", List.of(), null, null));
        assertThat(a.dimensions()).hasSize(6);
        Assessment b = analyzer.analyze(new JournalEntry(null, null, null, null));
        assertThat(b.safety().level()).isEqualTo(SafetyLevel.NONE);
    }

    @Test
    void structurallyImpossibleInputIsRejected() {
        assertThatThrownBy(() -> analyzer.analyze((ConversationSample) null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> analyzer.analyze((JournalEntry) null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> analyzer.analyze(new ConversationSample("x", "A", null, "en")))
            .isInstanceOf(IllegalArgumentException.class);
        List<Turn> withNull = new ArrayList<>();
        withNull.add(null);
        assertThatThrownBy(() -> analyzer.analyze(new ConversationSample("x", "A", withNull, "en")))
            .isInstanceOf(IllegalArgumentException.class);
    }
}
