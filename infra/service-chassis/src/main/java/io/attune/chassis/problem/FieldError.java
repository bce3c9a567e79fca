package io.attune.chassis.problem;

/** One invalid field (or header, or query parameter) of a request and why. Never carries the rejected value. */
public record FieldError(String field, String reason) {
}
