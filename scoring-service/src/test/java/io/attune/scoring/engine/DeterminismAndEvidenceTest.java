package io.attune.scoring.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Over the whole corpus: identical output on repeat, and every number explained by its evidence. */
class DeterminismAndEvidenceTest {
    private static List<CorpusItem> corpus() {
        List<CorpusItem> all = new ArrayList<>(CorpusItem.load("/corpus/tuning.jsonl"));
        all.addAll(CorpusItem.load("/corpus/holdout.jsonl"));
        return all;
    }

    @Test
    void sameInputGivesIdenticalOutputAcrossInstances() {
        AttunementAnalyzer first = new AttunementAnalyzer();
        AttunementAnalyzer second = new AttunementAnalyzer();
        for (CorpusItem item : corpus()) {
            Assessment a = item.assess(first);
            assertThat(item.assess(first)).as(item.id()).isEqualTo(a);
            assertThat(item.assess(second)).as(item.id()).isEqualTo(a);
        }
    }

    @Test
    void everyScoreIsItsBaselinePlusItsEvidence() {
        AttunementAnalyzer analyzer = new AttunementAnalyzer();
        for (CorpusItem item : corpus()) {
            Assessment a = item.assess(analyzer);
            for (DimensionScore d : a.dimensions()) {
                int sum = ScoreSheet.BASELINE + d.evidence().stream().mapToInt(Evidence::effect).sum();
                assertThat(d.score()).as(item.id() + " " + d.name()).isEqualTo(Math.max(0, Math.min(100, sum)));
                assertThat(d.evidence()).allSatisfy(e -> assertThat(e.effect()).isNotZero());
            }
        }
    }

    @Test
    void evidenceQuotesTheExactSpan() {
        AttunementAnalyzer analyzer = new AttunementAnalyzer();
        for (CorpusItem item : corpus()) {
            Assessment a = item.assess(analyzer);
            List<Evidence> all = new ArrayList<>(a.safety().evidence().stream().map(SafetyEvidence::span).toList());
            a.dimensions().forEach(d -> all.addAll(d.evidence()));
            for (Evidence e : all) {
                String source;
                if (e.turn() >= 0) {
                    source = item.conversation().turns().get(e.turn()).text();
                } else if (e.turn() == Evidence.JOURNAL_TEXT) {
                    source = item.journal().text();
                } else {
                    continue; // tag evidence quotes the tag label
                }
                if (!e.text().equals(SafetyScreen.REDACTED)) {
                    assertThat(source.substring(e.start(), e.end())).as(item.id() + " " + e).isEqualTo(e.text());
                }
            }
        }
    }
}
