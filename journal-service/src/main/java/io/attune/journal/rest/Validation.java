package io.attune.journal.rest;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.attune.chassis.ids.Ids;
import io.attune.chassis.paging.CursorCodec;
import io.attune.chassis.paging.PageCursor;
import io.attune.chassis.paging.Paging;
import io.attune.chassis.problem.FieldError;
import io.attune.chassis.problem.InvalidRequestException;
import io.attune.journal.Turn;

/** Checks that Bean Validation cannot express on one field: path, query and header values, cross-field rules. */
final class Validation {

    static final String LOCALE_PATTERN = "^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$";

    static final Instant EARLIEST_OCCURRED_AT = Instant.parse("1900-01-01T00:00:00Z");
    private static final Instant EARLIEST_QUERY_INSTANT = Instant.parse("0000-01-01T00:00:00Z");
    private static final Instant LATEST_QUERY_INSTANT = Instant.parse("9999-12-31T23:59:59.999Z");

    private final List<FieldError> errors = new ArrayList<>();

    static Validation start() {
        return new Validation();
    }

    Validation clientId(String clientId) {
        if (!Ids.validSubjectId(clientId)) {
            errors.add(new FieldError("clientId", Ids.SUBJECT_ID_RULE));
        }
        return this;
    }

    Validation idempotencyKey(String key) {
        if (key != null && !Ids.IDEMPOTENCY_KEY.matcher(key).matches()) {
            errors.add(new FieldError("Idempotency-Key", Ids.IDEMPOTENCY_KEY_RULE));
        }
        return this;
    }

    /** Five minutes of slack for client clocks; earlier than 1900 is a typo, and far-off years overflow storage. */
    Validation occurredAt(String field, OffsetDateTime value, Instant now) {
        if (value == null) {
            return this;
        }
        Instant instant = value.toInstant();
        if (instant.isAfter(now.plusSeconds(300))) {
            errors.add(new FieldError(field, "must not be in the future"));
        } else if (instant.isBefore(EARLIEST_OCCURRED_AT)) {
            errors.add(new FieldError(field, "must not be before 1900-01-01T00:00:00Z"));
        }
        return this;
    }

    Validation speakers(String clientSpeaker, List<Turn> turns) {
        if (clientSpeaker == null || turns == null || turns.stream().anyMatch(t -> t == null || t.speaker() == null)) {
            return this;
        }
        Set<String> speakers = new HashSet<>();
        turns.forEach(turn -> speakers.add(turn.speaker()));
        if (!speakers.contains(clientSpeaker)) {
            errors.add(new FieldError("clientSpeaker", "must be the speaker of at least one turn"));
        } else if (speakers.size() < 2) {
            errors.add(new FieldError("turns", "must include at least one turn by someone other than the client"));
        }
        return this;
    }

    Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            Instant instant = OffsetDateTime.parse(value).toInstant();
            if (instant.isBefore(EARLIEST_QUERY_INSTANT) || instant.isAfter(LATEST_QUERY_INSTANT)) {
                // MongoDB dates are epoch milliseconds; years beyond 4 digits do not fit and are never meant.
                errors.add(new FieldError(field, "must be between years 0000 and 9999"));
                return null;
            }
            return instant;
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be an ISO-8601 date-time with offset, e.g. 2026-01-31T09:00:00Z"));
            return null;
        }
    }

    int limit(String value) {
        InvalidRequestException.Collector collector = InvalidRequestException.collect();
        int limit = Paging.limit(value, collector);
        if (!collector.isEmpty()) {
            errors.add(new FieldError("limit", Paging.LIMIT_RULE));
        }
        return limit;
    }

    PageCursor cursor(CursorCodec codec, String value, String scope) {
        InvalidRequestException.Collector collector = InvalidRequestException.collect();
        PageCursor cursor = Paging.cursor(codec, value, scope, collector);
        if (!collector.isEmpty()) {
            errors.add(new FieldError("cursor", Paging.CURSOR_RULE));
        }
        return cursor;
    }

    /** @throws InvalidRequestException listing every error found */
    void orFail() {
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }
}
