package io.attune.chassis.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.attune.chassis.problem.FieldError;
import io.vertx.core.MultiMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EdgeRulesTest {

    @ParameterizedTest
    @ValueSource(strings = { "/api/v1/clients/X;b", "/api/v1/clients/X%3Bb", "/api/v1/clients/X%3bb",
            "/api/v1/clients/;/profile" })
    void matrixParametersAndSemicolonsInThePathAreRefused(String path) {
        assertThat(EdgeRules.pathErrors(path)).extracting(FieldError::field).containsExactly("path");
        assertThat(EdgeRules.pathErrors(path).get(0).reason()).contains("matrix parameters");
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/v1/clients/%zz/profile", "/a/%", "/a/%4", "/a/%C3", "/a/%FF", "/a/%ED%A0%80" })
    void badPercentEncodingIsRefused(String path) {
        assertThat(EdgeRules.pathErrors(path)).containsExactly(
                new FieldError("path", "must be valid percent-encoded UTF-8"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "/a/%00", "/a/%0A", "/a/%7F" })
    void controlCharactersInThePathAreRefused(String path) {
        assertThat(EdgeRules.pathErrors(path)).containsExactly(
                new FieldError("path", "must not contain control characters"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/v1/clients/client-42/journal-entries", "/a/%C3%A9", "/a/b%20c", "/" })
    void wellFormedPathsPass(String path) {
        assertThat(EdgeRules.pathErrors(path)).isEmpty();
    }

    @Test
    void aRepeatedQueryParameterIsRefusedByName() {
        assertThat(EdgeRules.queryErrors("limit=1&limit=abc")).containsExactly(
                new FieldError("limit", "must be given at most once"));
        assertThat(EdgeRules.queryErrors("li%6Dit=1&limit=2")).extracting(FieldError::field).containsExactly("limit");
        assertThat(EdgeRules.queryErrors("limit=1&cursor=x&status=active")).isEmpty();
    }

    @Test
    void anEmptyQueryParameterIsRefusedByName() {
        assertThat(EdgeRules.queryErrors("limit=")).containsExactly(new FieldError("limit", "must not be empty"));
        assertThat(EdgeRules.queryErrors("cursor")).containsExactly(new FieldError("cursor", "must not be empty"));
        assertThat(EdgeRules.queryErrors("limit=5&")).isEmpty();
    }

    @Test
    void badEncodingInTheQueryIsRefused() {
        assertThat(EdgeRules.queryErrors("limit=%zz")).containsExactly(
                new FieldError("limit", "must be valid percent-encoded UTF-8"));
        assertThat(EdgeRules.queryErrors("%C3=1")).extracting(FieldError::field).containsExactly("query");
    }

    @Test
    void targetsOutsideRfc3986AreRefusedNamingThePart() {
        assertThat(EdgeRules.targetErrors("/a|b")).extracting(FieldError::field).containsExactly("path");
        assertThat(EdgeRules.targetErrors("/a?x=%zz")).containsExactly(
                new FieldError("query", "must be valid percent-encoded UTF-8"));
        assertThat(EdgeRules.targetErrors("/a/b?limit=5&cursor=abc.def")).isEmpty();
    }

    @Test
    void idempotencyKeyMustBeSentOnceAndHoldAValue() {
        assertThat(EdgeRules.idempotencyKeyErrors(MultiMap.caseInsensitiveMultiMap().add("Idempotency-Key", "")))
                .extracting(FieldError::field).containsExactly("Idempotency-Key");
        assertThat(EdgeRules.idempotencyKeyErrors(MultiMap.caseInsensitiveMultiMap()
                .add("Idempotency-Key", "a").add("idempotency-key", "b")))
                .containsExactly(new FieldError("Idempotency-Key", "must be sent at most once"));
        assertThat(EdgeRules.idempotencyKeyErrors(MultiMap.caseInsensitiveMultiMap().add("Idempotency-Key", "k-1")))
                .isEmpty();
        assertThat(EdgeRules.idempotencyKeyErrors(MultiMap.caseInsensitiveMultiMap())).isEmpty();
    }

    @Test
    void oversizedHeadersNameTheLargestHeader() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("Authorization", "Bearer x")
                .add("X-Big", "a".repeat(EdgeRules.MAX_HEADER_BYTES));
        assertThat(EdgeRules.oversizedHeaders(headers)).extracting(FieldError::field).isEqualTo("X-Big");
        assertThat(EdgeRules.oversizedHeaders(MultiMap.caseInsensitiveMultiMap().add("A", "b"))).isNull();
    }
}
