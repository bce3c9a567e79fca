package io.attune.scoring.rest;

/** One invalid field of a request and why. Never carries the rejected value. */
public record FieldError(String field, String reason) {
}
