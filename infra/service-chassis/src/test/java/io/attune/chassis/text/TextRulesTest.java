package io.attune.chassis.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextRulesTest {

    @Test
    void lengthCountsCodePointsNotUtf16Units() {
        String emoji = "\uD83D\uDE00".repeat(20_000);
        assertThat(emoji.length()).isEqualTo(40_000);
        assertThat(TextRules.length(emoji)).isEqualTo(20_000);
        assertThat(TextValidator.problem(emoji, 20_000, false, false)).isNull();
        assertThat(TextValidator.problem(emoji + "\uD83D\uDE00", 20_000, false, false))
                .isEqualTo("must be at most 20000 characters");
    }

    @ParameterizedTest
    @ValueSource(strings = { "", " ", "\u200B", "\u200B\u200C\u200D", "\u00A0\u00A0", "\uFEFF", "\u3000\u2060",
            "\n\t", "\u2028\u2029", "\u3164", "\u180E" })
    void invisibleTextIsBlank(String text) {
        assertThat(TextRules.isBlank(text)).isTrue();
        assertThat(TextValidator.problem(text, 100, false, false)).isEqualTo("must not be blank");
        assertThat(TextValidator.problem(text, 100, true, false)).isEqualTo("must not be blank");
    }

    @ParameterizedTest
    @ValueSource(strings = { "a", " \u200Bx", "\uD83D\uDE00", "\u0645", "\u3042", "." })
    void anyVisibleCharacterMakesTextNotBlank(String text) {
        assertThat(TextRules.isBlank(text)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = { "a\u0000b", "a\u0007", "\u001B[2J", "a\rb", "a\r", "x\u007F", "x\u0085", "x\uD800" })
    void controlCharactersOtherThanNewlineAndTabAreRefused(String text) {
        assertThat(TextValidator.problem(text, 100, false, false))
                .isEqualTo("must not contain control characters other than newline and tab");
    }

    @Test
    void newlineAndTabAreText() {
        assertThat(TextValidator.problem("line one\n\tline two", 100, false, false)).isNull();
    }

    @Test
    void crlfLineEndingsAreText() {
        assertThat(TextValidator.problem("line one\r\nline two\r\n", 100, false, false)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = { "\u202Eevil", "a\u202Ab", "x\u202D", "\u2066x\u2069", "\u2067x", "\u2068x" })
    void bidiControlsAreRefusedInCatalogTextOnly(String text) {
        assertThat(TextValidator.problem(text, 100, false, true))
                .isEqualTo("must not contain bidirectional override or isolate characters");
        assertThat(TextValidator.problem(text, 100, false, false)).isNull();
    }

    @Test
    void nullIsRefusedUnlessOptional() {
        assertThat(TextValidator.problem(null, 10, false, false)).isEqualTo("must not be blank");
        assertThat(TextValidator.problem(null, 10, true, false)).isNull();
    }
}
