package io.attune.recommendation.rest;

import java.util.ArrayList;
import java.util.List;

/** A request that failed validation; mapped to a 400 problem listing each field. */
public class InvalidRequestException extends RuntimeException {

    private final transient List<FieldError> errors;

    InvalidRequestException(List<FieldError> errors) {
        super("invalid request: " + errors.stream().map(FieldError::field).toList());
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** Collects errors, then throws them all at once. */
    static final class Collector {

        private final List<FieldError> errors = new ArrayList<>();

        Collector check(boolean valid, String field, String reason) {
            if (!valid) {
                errors.add(new FieldError(field, reason));
            }
            return this;
        }

        void orFail() {
            if (!errors.isEmpty()) {
                throw new InvalidRequestException(errors);
            }
        }
    }
}
