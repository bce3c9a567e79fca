package io.attune.chassis.edge;

import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Hands malformed request targets to {@link EdgeFilter}. Quarkus checks every request target with
 * {@code java.net.URI} before any route runs and answers a failure ({@code /clients/%zz/profile}) with an empty
 * 400; the switch {@code vertx.disableURIValidation} turns that check off, and {@link EdgeRules#targetErrors}
 * makes the same check with a problem body. The switch is a system property that Quarkus reads while it starts,
 * before any bean exists; a configuration source is the one piece of a library that runs earlier (Quarkus loads
 * it with the configuration, through {@code META-INF/services}), so it sets the switch when it is loaded, for every
 * service and every launcher alike. It contributes no configuration itself.
 */
public class UriValidationHandoff implements ConfigSource {

    static final String SWITCH = "vertx.disableURIValidation";

    static {
        System.setProperty(SWITCH, "true");
    }

    @Override
    public Set<String> getPropertyNames() {
        return Set.of();
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of();
    }

    @Override
    public String getValue(String propertyName) {
        return null;
    }

    @Override
    public String getName() {
        return "attune-uri-validation-handoff";
    }

    @Override
    public int getOrdinal() {
        return Integer.MIN_VALUE;
    }
}
