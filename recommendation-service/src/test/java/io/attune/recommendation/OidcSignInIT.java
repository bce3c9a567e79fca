package io.attune.recommendation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.attune.infra.testing.TestAuth;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.attune.infra.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * With the dashboard's OIDC sign-in configured, a browser without a session is sent to the provider's authorization
 * endpoint for an authorization code, while the API keeps answering bearer tokens (and never redirects).
 */
@QuarkusTest
@TestProfile(OidcSignInProfile.class)
class OidcSignInIT {

    private static String authorizationEndpoint() {
        return ConfigProvider.getConfig().getValue("keycloak.url", String.class) + "/realms/quarkus";
    }

    private static String redirectUri(String location) {
        Matcher parameter = Pattern.compile("[?&]redirect_uri=([^&]*)").matcher(location);
        assertThat(parameter.find()).as("redirect_uri in %s", location).isTrue();
        return URLDecoder.decode(parameter.group(1), StandardCharsets.UTF_8);
    }

    @Test
    void aBrowserWithoutSessionIsSentToTheProviderForACode() {
        Response response = TestAuth.anonymous().redirects().follow(false).accept("text/html")
                .get("/dashboard/");

        assertThat(response.statusCode()).as("a redirect").isIn(302, 303);
        String location = response.header("Location");
        assertThat(location).startsWith(authorizationEndpoint() + "?")
                .contains("response_type=code", "client_id=" + OidcSignInProfile.CLIENT_ID, "scope=openid");
        assertThat(redirectUri(location)).endsWith("/dashboard/");
        assertThat(response.header("Set-Cookie")).as("the flow's state cookie, for the dashboard only")
                .contains("q_auth_dashboard").contains("Path=/dashboard");
    }

    @Test
    void aClientPageOfTheDashboardIsSentToTheProviderToo() {
        Response response = TestAuth.anonymous().redirects().follow(false).accept("text/html")
                .get("/dashboard/clients/anyone");

        assertThat(response.statusCode()).as("a redirect").isIn(302, 303);
        assertThat(response.header("Location")).startsWith(authorizationEndpoint() + "?");
        assertThat(redirectUri(response.header("Location"))).as("the one redirect URI registered with the provider")
                .endsWith("/dashboard/");
    }

    @Test
    void bearerTokensStillWorkOnTheApi() {
        TestAuth.as(TestTokens.admin(TestAuth.TENANT)).get("/api/v1/admin/exercises").then().statusCode(200);
    }

    @Test
    void theApiStillReadsTheCallerOfABearerToken() {
        String clientId = "oidc-unknown-" + UUID.randomUUID();
        // Past the role check to the client lookup: the caller's subject, tenant and role were read from the token.
        TestAuth.as(TestTokens.client(TestAuth.TENANT, clientId)).get("/api/v1/clients/{id}/recommendations", clientId)
                .then().statusCode(404).body("detail", equalTo("No such client."));
        TestAuth.as(TestTokens.admin(TestAuth.TENANT)).get("/api/v1/clients/{id}/recommendations", clientId)
                .then().statusCode(403).body("detail", equalTo("A admin may not do this."));
    }

    @Test
    void theApiAnswersAMissingTokenWith401NotARedirect() {
        TestAuth.anonymous().redirects().follow(false).get("/api/v1/admin/exercises").then()
                .statusCode(401).header("WWW-Authenticate", containsString("Bearer")).header("Location", nullValue());
    }
}
