package io.attune.chassis.problem;

import java.util.ArrayList;
import java.util.List;

/** A request that failed validation; mapped to a 400 problem listing each field. */
public class InvalidRequestException extends RuntimeException {

    private final transient List<FieldError> errors;

    public InvalidRequestException(List<FieldError> errors) {
        super("invalid request: " + errors.stream().map(FieldError::field).toList());
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }

    public static Collector collect() {
        return new Collector();
    }

    /** Collects errors, then throws them all at once. */
    public static final class Collector {

        private final List<FieldError> errors = new ArrayList<>();

        public Collector check(boolean valid, String field, String reason) {
            if (!valid) {
                errors.add(new FieldError(field, reason));
            }
            return this;
        }

        public Collector add(FieldError error) {
            errors.add(error);
            return this;
        }

        public boolean isEmpty() {
            return errors.isEmpty();
        }

        /** @throws InvalidRequestException listing every error found */
        public void orFail() {
            if (!errors.isEmpty()) {
                throw new InvalidRequestException(errors);
            }
        }
    }
}
