package io.attune.scoring.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TokenizerTest {
    @Test
    void expandsContractionsAndKeepsTheOriginalSpan() {
        TokenizedText t = Tokenizer.PLAIN.tokenize("I don\u2019t get it, Im fine");
        assertThat(Arrays.copyOf(t.tokens, t.size)).containsExactly("i", "do", "not", "get", "it", "i", "am", "fine");
        assertThat(t.text.substring(t.start[1], t.end[2])).isEqualTo("don\u2019t");
        assertThat(t.wordCount()).isEqualTo(6);
    }

    @Test
    void splitsSentencesAndMarksQuestions() {
        TokenizedText t = Tokenizer.PLAIN.tokenize("That sucks! What happened then? tell me");
        assertThat(t.sentenceCount).isEqualTo(3);
        assertThat(t.sentenceQuestion[1]).isTrue();
        assertThat(t.sentenceQuestion[0]).isFalse();
        assertThat(t.sentenceTerminated[2]).isFalse();
        assertThat(t.exclamationCount).isEqualTo(1);
    }

    /** Regression: the sentence arrays overflowed on the ninth sentence (found by the JMH journal benchmark). */
    @Test
    void handlesManySentences() {
        String text = "One. Two. Three. Four. Five. Six. Seven. Eight. Nine. Ten. Eleven? Twelve!";
        TokenizedText t = Tokenizer.PLAIN.tokenize(text);
        assertThat(t.sentenceCount).isEqualTo(12);
        assertThat(t.tokens[t.sentenceFirst[11]]).isEqualTo("twelve");
    }

    @Test
    void toleratesEmptyPunctuationAndUnicode() {
        assertThat(Tokenizer.PLAIN.tokenize("").size).isZero();
        assertThat(Tokenizer.PLAIN.tokenize("?!...\u2014").size).isZero();
        TokenizedText t = Tokenizer.PLAIN.tokenize("J'ai tr\u00e8s peur \uD83D\uDE22 \u00fcber-m\u00fcde");
        assertThat(Arrays.copyOf(t.tokens, t.size)).contains("tr\u00e8s", "\u00fcber", "m\u00fcde");
    }
}
