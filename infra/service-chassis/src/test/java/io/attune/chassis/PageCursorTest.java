package io.attune.chassis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.stream.Stream;

import io.attune.chassis.paging.PageCursor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PageCursorTest {

    @Test
    void encodedCursorDecodesToTheSamePosition() {
        PageCursor cursor = new PageCursor(Instant.parse("2025-03-14T17:30:00.123Z"), "9d2f4a61-5b3c-4e8a-8f7d-0c6b1e2a9f53");
        assertThat(PageCursor.decode(cursor.encode())).isEqualTo(cursor);
        assertThat(cursor.encode()).matches("[A-Za-z0-9_-]+");
    }

    static Stream<String> notCursors() {
        return Stream.of("", "!!!", "%%%", b64("no-colon"), b64(":id-without-time"), b64("123:"), b64("abc:id"),
                b64("99999999999999999999999:id"), b64("1.5:id"));
    }

    @ParameterizedTest
    @MethodSource("notCursors")
    void anythingElseIsRejectedAsIllegalArgument(String value) {
        assertThatThrownBy(() -> PageCursor.decode(value)).isInstanceOf(IllegalArgumentException.class);
    }

    private static String b64(String raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }
}
