package io.attune.scoring.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LexiconLoaderTest {
    private final LexiconLoader loader = new LexiconLoader();

    @Test
    void alternativesAndOptionalSlotsExpand() {
        assertThat(loader.expand("whatever (you need|it takes|)"))
            .containsExactly("whatever you need", "whatever it takes", "whatever ");
    }

    @Test
    void nestedParenthesesAreRejectedInsteadOfExpandingIntoNonsense() {
        assertThatThrownBy(() -> loader.expand("whatever (happens|you (need|want))"))
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("nested");
    }
}
