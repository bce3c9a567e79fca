package io.attune.recommendation.rest;

/** One invalid field of a request and why. */
public record FieldError(String field, String reason) {
}
