package io.attune.journal.rest;

/** One invalid field of a request and why it is invalid. Never carries the rejected value. */
public record FieldError(String field, String reason) {
}
