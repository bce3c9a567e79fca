package io.attune.infra.testing;

import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.specification.RequestSpecification;

/**
 * Who the REST Assured requests of a test act as. Most tests act as the coaching app of {@link #TENANT}; tests of
 * authorisation pick their caller per request with {@link #as(String)}.
 */
public final class TestAuth {

    /** The tenant that tests' clients belong to unless a test says otherwise. */
    public static final String TENANT = "test-tenant";

    private TestAuth() {
    }

    /** Makes every following request of this JVM carry {@code token}, unless a request sets its own. */
    public static void actAs(String token) {
        RestAssured.requestSpecification = as(token);
    }

    /** Makes every following request act as the coaching app of {@link #TENANT}. */
    public static void actAsApp() {
        actAs(TestTokens.app(TENANT));
    }

    /** A request specification carrying {@code token}; use with {@code given().spec(...)}. */
    public static RequestSpecification as(String token) {
        return new RequestSpecBuilder().addHeader("Authorization", TestTokens.bearer(token)).build();
    }
}
