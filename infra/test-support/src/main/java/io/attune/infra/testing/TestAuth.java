package io.attune.infra.testing;

import io.restassured.RestAssured;
import io.restassured.filter.Filter;
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

    /**
     * Makes every following request of this JVM carry {@code token}, unless the request sets its own
     * Authorization header. A filter rather than a default specification, so the port Quarkus picks for the
     * test is not frozen into it.
     */
    public static void actAs(String token) {
        String authorization = TestTokens.bearer(token);
        Filter defaultAuthorization = (request, response, context) -> {
            if (!request.getHeaders().hasHeaderWithName("Authorization")) {
                request.header("Authorization", authorization);
            }
            return context.next(request, response);
        };
        RestAssured.replaceFiltersWith(defaultAuthorization);
    }

    /** Makes every following request act as the coaching app of {@link #TENANT}. */
    public static void actAsApp() {
        actAs(TestTokens.app(TENANT));
    }

    /** A request that carries {@code token}: {@code TestAuth.as(token).get(...)}. */
    public static RequestSpecification as(String token) {
        return RestAssured.given().header("Authorization", TestTokens.bearer(token));
    }

    /** A request with no Authorization header at all. */
    public static RequestSpecification anonymous() {
        return RestAssured.given().noFilters();
    }
}
