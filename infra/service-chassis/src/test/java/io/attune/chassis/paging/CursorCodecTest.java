package io.attune.chassis.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import io.attune.chassis.problem.FieldError;
import io.attune.chassis.problem.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CursorCodecTest {

    private final CursorCodec codec = new CursorCodec("a-cursor-secret-for-tests");
    private final PageCursor cursor = new PageCursor(Instant.parse("2026-01-31T09:00:00Z"), "entry-7");

    @Test
    void aCursorRoundTripsInItsOwnListing() {
        assertThat(codec.decode(codec.encode(cursor, "audit:c1"), "audit:c1")).isEqualTo(cursor);
    }

    @Test
    void aCursorOfAnotherListingOrAnotherSecretIsRefused() {
        String issued = codec.encode(cursor, "audit:c1");
        assertThatThrownBy(() -> codec.decode(issued, "audit:c2")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CursorCodec("another-secret-of-16+").decode(issued, "audit:c1"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEditedCursorIsRefused() {
        String issued = codec.encode(cursor, "audit:c1");
        String forgedPayload = new PageCursor(Instant.parse("2030-01-01T00:00:00Z"), "entry-7").encode();
        String forged = forgedPayload + issued.substring(issued.indexOf('.'));
        assertThatThrownBy(() -> codec.decode(forged, "audit:c1")).isInstanceOf(IllegalArgumentException.class);
        // The unauthenticated form of earlier versions decodes as a PageCursor, but is no longer accepted.
        assertThatThrownBy(() -> codec.decode(cursor.encode(), "audit:c1")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", ".", "x.", ".x", "abc.!!!", "a.b.c", "%%%" })
    void garbageIsRefused(String value) {
        assertThatThrownBy(() -> codec.decode(value, "audit:c1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aShortSecretIsAConfigurationError() {
        assertThatThrownBy(() -> new CursorCodec("short")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = { "+5", "\u0665", "\uFF15", "-1", "0", "101", "1e1", "5.0", "", " 5", "0x10", "99999999999" })
    void limitIsOneToAHundredInAsciiDigits(String value) {
        InvalidRequestException.Collector errors = InvalidRequestException.collect();
        Paging.limit(value, errors);
        assertThatThrownBy(errors::orFail).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("limit"));
    }

    @Test
    void limitDefaultsAndAcceptsPlainDigits() {
        InvalidRequestException.Collector errors = InvalidRequestException.collect();
        assertThat(Paging.limit(null, errors)).isEqualTo(Paging.DEFAULT_LIMIT);
        assertThat(Paging.limit("1", errors)).isEqualTo(1);
        assertThat(Paging.limit("100", errors)).isEqualTo(100);
        assertThat(Paging.limit("007", errors)).isEqualTo(7);
        assertThat(errors.isEmpty()).isTrue();
    }
}
