package io.attune.journal.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Stream;

import io.attune.chassis.paging.CursorCodec;
import io.attune.chassis.problem.FieldError;
import io.attune.chassis.problem.InvalidRequestException;
import io.attune.journal.Turn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ValidationTest {

    private static final Instant NOW = Instant.parse("2026-01-31T09:00:00Z");

    static Stream<Arguments> occurredAt() {
        return Stream.of(
                Arguments.of("2026-01-31T09:05:00Z", null),
                Arguments.of("2026-01-31T09:05:01Z", "must not be in the future"),
                Arguments.of("1900-01-01T00:00:00Z", null),
                Arguments.of("1899-12-31T23:59:59.999Z", "must not be before 1900-01-01T00:00:00Z"),
                // Used to reach MongoDB and fail there with a 500.
                Arguments.of("-999999999-01-01T00:00:00Z", "must not be before 1900-01-01T00:00:00Z"),
                Arguments.of("+999999999-12-31T23:59:59Z", "must not be in the future"));
    }

    @ParameterizedTest
    @MethodSource("occurredAt")
    void occurredAtMustLieBetween1900AndFiveMinutesFromNow(String value, String reason) {
        assertThat(errors(Validation.start().occurredAt("occurredAt", OffsetDateTime.parse(value), NOW)))
                .isEqualTo(reason == null ? List.of() : List.of(new FieldError("occurredAt", reason)));
    }

    static Stream<Arguments> queryInstants() {
        return Stream.of(
                Arguments.of("2026-01-31T09:00:00Z", null),
                Arguments.of("2026-01-31T10:00:00+01:00", null),
                Arguments.of("0000-01-01T00:00:00Z", null),
                Arguments.of("9999-12-31T23:59:59Z", null),
                Arguments.of("+10000-01-01T00:00:00Z", "must be between years 0000 and 9999"),
                Arguments.of("-0001-12-31T23:59:59Z", "must be between years 0000 and 9999"),
                Arguments.of("2026-01-31", "must be an ISO-8601 date-time with offset, e.g. 2026-01-31T09:00:00Z"),
                Arguments.of("2026-01-31T09:00:00", "must be an ISO-8601 date-time with offset, e.g. 2026-01-31T09:00:00Z"));
    }

    @ParameterizedTest
    @MethodSource("queryInstants")
    void queryInstantMustBeAnOffsetDateTimeWithAFourDigitYear(String value, String reason) {
        Validation validation = Validation.start();
        Instant parsed = validation.instant("from", value);
        if (reason == null) {
            assertThat(parsed).isEqualTo(OffsetDateTime.parse(value).toInstant());
            assertThat(errors(validation)).isEmpty();
        } else {
            assertThat(parsed).isNull();
            assertThat(errors(validation)).containsExactly(new FieldError("from", reason));
        }
    }

    static Stream<Arguments> limits() {
        return Stream.of(Arguments.of(null, 20, true), Arguments.of("", 20, false), Arguments.of("1", 1, true),
                Arguments.of("+5", 20, false), Arguments.of("\u0665", 20, false), Arguments.of("5.0", 20, false),
                Arguments.of("100", 100, true), Arguments.of("0", 20, false), Arguments.of("101", 20, false),
                Arguments.of("-1", 20, false), Arguments.of("x", 20, false), Arguments.of("2147483648", 20, false));
    }

    @ParameterizedTest
    @MethodSource("limits")
    void limitDefaultsTo20AndAllows1To100InAsciiDigits(String value, int expected, boolean valid) {
        Validation validation = Validation.start();
        assertThat(validation.limit(value)).isEqualTo(expected);
        assertThat(errors(validation).isEmpty()).isEqualTo(valid);
    }

    @ParameterizedTest
    @ValueSource(strings = { "a", "client-042", "A.b_c-9" })
    void validClientIds(String clientId) {
        assertThat(errors(Validation.start().clientId(clientId))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "a b", "été", "a/b", "<script>" })
    void invalidClientIds(String clientId) {
        assertThat(errors(Validation.start().clientId(clientId))).extracting(FieldError::field).containsExactly("clientId");
    }

    @Test
    void clientIdIsAtMost64Characters() {
        assertThat(errors(Validation.start().clientId("x".repeat(64)))).isEmpty();
        assertThat(errors(Validation.start().clientId("x".repeat(65)))).hasSize(1);
    }

    static Stream<Arguments> idempotencyKeys() {
        return Stream.of(Arguments.of(null, true), Arguments.of("k", true), Arguments.of("~".repeat(128), true),
                Arguments.of("k".repeat(129), false), Arguments.of("", false), Arguments.of("a b", false),
                Arguments.of("clé", false));
    }

    @ParameterizedTest
    @MethodSource("idempotencyKeys")
    void idempotencyKeyIsOptionalVisibleAsciiUpTo128(String key, boolean valid) {
        assertThat(errors(Validation.start().idempotencyKey(key)).isEmpty()).isEqualTo(valid);
    }

    static Stream<Arguments> speakers() {
        Turn ann = new Turn("Ann", "I hate him!");
        Turn steve = new Turn("Steve", "That sucks.");
        return Stream.of(
                Arguments.of("Steve", List.of(ann, steve), null),
                Arguments.of("Carol", List.of(ann, steve), "clientSpeaker"),
                Arguments.of("steve", List.of(ann, steve), "clientSpeaker"),
                Arguments.of("Steve", List.of(steve, steve), "turns"));
    }

    @ParameterizedTest
    @MethodSource("speakers")
    void clientSpeakerMustSpeakAndSomeoneElseToo(String clientSpeaker, List<Turn> turns, String field) {
        List<FieldError> errors = errors(Validation.start().speakers(clientSpeaker, turns));
        assertThat(errors).extracting(FieldError::field).isEqualTo(field == null ? List.of() : List.of(field));
    }

    @Test
    void everyErrorIsReportedTogether() {
        Validation validation = Validation.start().clientId("a b").idempotencyKey("a b");
        validation.limit("0");
        validation.cursor(new CursorCodec("a-test-cursor-secret"), "x", "audit:a");
        assertThatThrownBy(validation::orFail).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.errors()).extracting(FieldError::field)
                        .containsExactly("clientId", "Idempotency-Key", "limit", "cursor"));
    }

    private static List<FieldError> errors(Validation validation) {
        try {
            validation.orFail();
            return List.of();
        } catch (InvalidRequestException e) {
            return e.errors();
        }
    }
}
