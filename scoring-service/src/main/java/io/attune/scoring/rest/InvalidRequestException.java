package io.attune.scoring.rest;

import java.util.List;

/** A request that failed validation; mapped to a 400 problem listing each field. */
public class InvalidRequestException extends RuntimeException {

    private final transient List<FieldError> errors;

    private InvalidRequestException(List<FieldError> errors) {
        super("invalid request: " + errors.stream().map(FieldError::field).toList());
        this.errors = List.copyOf(errors);
    }

    static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }

    public List<FieldError> errors() {
        return errors;
    }
}
