package io.attune.recommendation;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * recommendation-service as a deployment runs it with the dashboard's OIDC sign-in turned on (ATTUNE_OIDC_ENABLED),
 * against quarkus-test-oidc-server's mock provider.
 */
public class OidcSignInProfile implements QuarkusTestProfile {

    static final String CLIENT_ID = "attune-dashboard";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.oidc.dashboard.tenant-enabled", "true",
                "quarkus.oidc.dashboard.auth-server-url", "${keycloak.url}/realms/quarkus/",
                "quarkus.oidc.dashboard.client-id", CLIENT_ID,
                "quarkus.oidc.dashboard.credentials.secret", "secret",
                "quarkus.http.auth.permission.dashboard-oidc.enabled", "true");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(OidcWiremockTestResource.class));
    }
}
