package io.attune.scoring.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The source article's Ann/Steve example (DOMAIN §1). */
class CanonicalExampleTest {
    static final String ANN = "Guess what happened today \u2014 my supervisor called me stupid again. "
        + "This is the third time, ugh I hate him!";

    private final AttunementAnalyzer analyzer = new AttunementAnalyzer();

    static ConversationSample annAndSteve(String steve) {
        return new ConversationSample("partner", "Steve", List.of(new Turn("Ann", ANN), new Turn("Steve", steve)), "en");
    }

    static DimensionScore dimension(Assessment a, String name) {
        return a.dimensions().stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void closingTheTopicIsMisattuned() {
        Assessment a = analyzer.analyze(annAndSteve("That sucks! Just forget it."));

        assertThat(a.band()).isEqualTo(Band.MISATTUNED);
        assertThat(dimension(a, "exploration").evidence())
            .anySatisfy(e -> {
                assertThat(e.signal()).isEqualTo("closing-comment");
                assertThat(e.text()).isEqualTo("Just forget it");
                assertThat(e.effect()).isNegative();
                assertThat(e.turn()).isEqualTo(1);
            });
        assertThat(dimension(a, "acknowledgement").evidence())
            .anySatisfy(e -> {
                assertThat(e.signal()).isEqualTo("unacknowledged-feeling");
                assertThat(e.effect()).isNegative();
            });
        assertThat(dimension(a, "exploration").score()).isLessThanOrEqualTo(40);
        assertThat(dimension(a, "acknowledgement").score()).isLessThanOrEqualTo(40);
        assertThat(a.safety().level()).isEqualTo(SafetyLevel.NONE);
    }

    @Test
    void validatingTheAngerIsAttuned() {
        Assessment a = analyzer.analyze(annAndSteve(
            "That's not right! It must be very difficult to deal with him, honey."));

        assertThat(a.band()).isEqualTo(Band.ATTUNED);
        assertThat(dimension(a, "acknowledgement").score()).isGreaterThanOrEqualTo(60);
        assertThat(dimension(a, "mirroring").score()).isGreaterThanOrEqualTo(60);
        assertThat(a.safety().level()).isEqualTo(SafetyLevel.NONE);
    }

    @Test
    void evidenceSpansQuoteTheTurnText() {
        Assessment a = analyzer.analyze(annAndSteve("That sucks! Just forget it."));
        List<Turn> turns = annAndSteve("That sucks! Just forget it.").turns();
        for (DimensionScore d : a.dimensions()) {
            for (Evidence e : d.evidence()) {
                assertThat(turns.get(e.turn()).text().substring(e.start(), e.end())).isEqualTo(e.text());
            }
        }
    }

    @Test
    void everyScoreIsBaselinePlusEvidence() {
        Assessment a = analyzer.analyze(annAndSteve("That's not right! It must be very difficult to deal with him, honey."));
        for (DimensionScore d : a.dimensions()) {
            int sum = ScoreSheet.BASELINE + d.evidence().stream().mapToInt(Evidence::effect).sum();
            assertThat(d.score()).isEqualTo(Math.max(0, Math.min(100, sum)));
        }
        assertThat(a.dimensions()).extracting(DimensionScore::name).containsExactly("acknowledgement", "mirroring",
            "inquiry", "exploration", "presence", "listening-balance");
        assertThat(a.kind()).isEqualTo("conversation");
        assertThat(a.scorerVersion()).isEqualTo(AttunementAnalyzer.SCORER_VERSION);
    }
}
