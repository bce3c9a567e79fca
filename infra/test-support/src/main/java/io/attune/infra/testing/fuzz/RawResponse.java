package io.attune.infra.testing.fuzz;

/** What came back: the status, the Content-Type (null when absent) and the body as text. */
public record RawResponse(int status, String contentType, String body) {
}
