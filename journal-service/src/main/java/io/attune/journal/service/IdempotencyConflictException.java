package io.attune.journal.service;

import io.attune.chassis.problem.ProblemException;

/** The same Idempotency-Key arrived with a different request. */
public class IdempotencyConflictException extends ProblemException {

    public IdempotencyConflictException(String key) {
        super(409, "idempotency-conflict", "Idempotency-Key reused",
                "Idempotency-Key '" + key + "' was already used with a different request");
    }
}
