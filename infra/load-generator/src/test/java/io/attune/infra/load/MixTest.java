package io.attune.infra.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

class MixTest {

    private static long conversations(Mix mix, long n) {
        return LongStream.range(0, n).filter(i -> mix.kindOf(i) == Mix.Kind.CONVERSATION).count();
    }

    @Test
    void sharesAreKeptWithinOneOverAnyPrefix() {
        Mix mix = Mix.parse("conversation:0.7,journal:0.3");
        for (long n : new long[] {1, 7, 10, 99, 1000, 12345}) {
            assertThat((double) conversations(mix, n)).as("first %d", n).isCloseTo(0.7 * n,
                    org.assertj.core.data.Offset.offset(1.0));
        }
    }

    @Test
    void weightsAreNormalisedAndMissingKindsWeighNothing() {
        assertThat(Mix.parse("conversation:7,journal:3").conversationShare()).isEqualTo(0.7);
        assertThat(conversations(Mix.parse("journal:1"), 100)).isZero();
        assertThat(conversations(Mix.parse("conversation:2"), 100)).isEqualTo(100);
    }

    @Test
    void theSameIndexAlwaysGetsTheSameKind() {
        Mix mix = Mix.parse("conversation:0.25,journal:0.75");
        assertThat(LongStream.range(0, 8).mapToObj(mix::kindOf).toList())
                .isEqualTo(LongStream.range(0, 8).mapToObj(mix::kindOf).toList());
        assertThat(conversations(mix, 8)).isEqualTo(2);
    }

    @Test
    void badSpecsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> Mix.parse("chat:1")).hasMessageContaining("unknown kind 'chat'");
        assertThatThrownBy(() -> Mix.parse("conversation:-1")).hasMessageContaining(">= 0");
        assertThatThrownBy(() -> Mix.parse("conversation:x")).hasMessageContaining("not a number");
        assertThatThrownBy(() -> Mix.parse("conversation:0,journal:0")).hasMessageContaining("add up to 0");
        assertThatThrownBy(() -> Mix.parse("conversation")).hasMessageContaining("kind:weight");
    }
}
