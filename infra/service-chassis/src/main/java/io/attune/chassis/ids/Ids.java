package io.attune.chassis.ids;

import java.util.regex.Pattern;

import io.attune.chassis.problem.InvalidRequestException;

/** The shapes of the ids that appear in paths, tokens and events. */
public final class Ids {

    /** Client and coach ids: chosen by the coaching app, so kept to a URL- and log-safe alphabet. */
    public static final Pattern SUBJECT_ID = Pattern.compile("^[A-Za-z0-9._-]{1,64}$");
    public static final String SUBJECT_ID_RULE = "must be 1-64 characters of letters, digits, '.', '_' or '-'";
    /** Exercise ids: kebab-case. */
    public static final String EXERCISE_ID_REGEX = "^[a-z0-9]+(-[a-z0-9]+)*$";
    public static final Pattern IDEMPOTENCY_KEY = Pattern.compile("^[\\x21-\\x7E]{1,128}$");
    public static final String IDEMPOTENCY_KEY_RULE = "must be 1-128 visible ASCII characters";

    private Ids() {
    }

    public static boolean validSubjectId(String id) {
        return id != null && SUBJECT_ID.matcher(id).matches();
    }

    /** Checks a client id path parameter, throwing a 400 that names the field. */
    public static void requireClientId(String clientId) {
        InvalidRequestException.collect().check(validSubjectId(clientId), "clientId", SUBJECT_ID_RULE).orFail();
    }
}
