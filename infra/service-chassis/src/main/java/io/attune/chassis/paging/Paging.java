package io.attune.chassis.paging;

import java.util.regex.Pattern;

import io.attune.chassis.problem.InvalidRequestException;

/** Reads the {@code limit} and {@code cursor} query parameters of a paged listing, the same way in every service. */
public final class Paging {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;
    public static final String LIMIT_RULE = "must be an integer from 1 to " + MAX_LIMIT + ", in ASCII digits";
    public static final String CURSOR_RULE = "must be the next value of a page of this listing";
    /**
     * ASCII digits only: {@link Integer#parseInt} also takes a sign and any Unicode digit ({@code +5}, Arabic-Indic
     * digits), which a cache or a proxy in front of us would not read as the same number.
     */
    private static final Pattern ASCII_DIGITS = Pattern.compile("[0-9]{1,3}");

    private Paging() {
    }

    /** The page size, or {@link #DEFAULT_LIMIT} when absent; an invalid value is added to {@code errors}. */
    public static int limit(String value, InvalidRequestException.Collector errors) {
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        if (ASCII_DIGITS.matcher(value).matches()) {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        }
        errors.check(false, "limit", LIMIT_RULE);
        return DEFAULT_LIMIT;
    }

    /**
     * The cursor, or null when absent; a value that {@code codec} did not issue for {@code scope} is added to
     * {@code errors}.
     */
    public static PageCursor cursor(CursorCodec codec, String value, String scope,
            InvalidRequestException.Collector errors) {
        if (value == null) {
            return null;
        }
        try {
            return codec.decode(value, scope);
        } catch (IllegalArgumentException e) {
            errors.check(false, "cursor", CURSOR_RULE);
            return null;
        }
    }
}
