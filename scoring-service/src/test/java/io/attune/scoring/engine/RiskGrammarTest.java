package io.attune.scoring.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RiskGrammarTest {

    @Test
    void oneEditIsOneInsertionDeletionSubstitutionOrSwap() {
        assertThat(RiskGrammar.withinOneEdit("myself", "myslef")).isTrue();
        assertThat(RiskGrammar.withinOneEdit("myself", "mysef")).isTrue();
        assertThat(RiskGrammar.withinOneEdit("suicide", "suiscide")).isTrue();
        assertThat(RiskGrammar.withinOneEdit("hopeless", "hopelass")).isTrue();
        assertThat(RiskGrammar.withinOneEdit("myself", "myself")).isTrue();
        assertThat(RiskGrammar.withinOneEdit("myself", "mself")).isTrue();
        assertThat(RiskGrammar.withinOneEdit("herself", "himself")).isFalse();
        assertThat(RiskGrammar.withinOneEdit("suicide", "suitcase")).isFalse();
        assertThat(RiskGrammar.withinOneEdit("myself", "yourself")).isFalse();
    }

    @Test
    void normalisationJoinsSplitReflexivesAndFixesTextingSpellings() {
        RiskGrammar grammar = new RiskGrammar();
        RiskGrammar.Normalized n = grammar.normalize(Tokenizer.PLAIN.tokenize("i wanna kill my self w/o u kms"));
        assertThat(java.util.Arrays.copyOf(n.tok, n.size)).containsExactly("i", "want", "to", "kill", "myself",
            "without", "you", "kill", "myself");
        // every normalised token points back at the original token it came from
        assertThat(n.src[4]).isEqualTo(4);
        assertThat(n.src[n.size - 1]).isEqualTo(9);
    }
}
