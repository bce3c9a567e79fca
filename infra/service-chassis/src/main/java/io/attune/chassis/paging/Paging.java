package io.attune.chassis.paging;

import io.attune.chassis.problem.InvalidRequestException;

/** Reads the {@code limit} and {@code cursor} query parameters of a paged listing. */
public final class Paging {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    private Paging() {
    }

    /** The page size, or {@link #DEFAULT_LIMIT}; an invalid value is added to {@code errors}. */
    public static int limit(String value, InvalidRequestException.Collector errors) {
        if (value == null || value.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.check(false, "limit", "must be an integer from 1 to " + MAX_LIMIT);
        return DEFAULT_LIMIT;
    }

    /** The decoded cursor, or null when absent; an invalid value is added to {@code errors}. */
    public static PageCursor cursor(String value, InvalidRequestException.Collector errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return PageCursor.decode(value);
        } catch (IllegalArgumentException e) {
            errors.check(false, "cursor", "must be a cursor returned by this API");
            return null;
        }
    }
}
