package io.attune.chassis.crisis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Crisis resources per locale, from one file: {@code crisis-resources.json} in this library, or the file named
 * by {@code attune.crisis-resources.file} where a deployment needs its own. Lookup goes from the full tag to
 * its lower-case form, then the language, then {@code default}. Wording stays non-diagnostic.
 */
@ApplicationScoped
public class CrisisResources {

    static final String BUNDLED = "/io/attune/chassis/crisis/crisis-resources.json";

    /** One place to turn to. */
    public record Resource(String name, String contact, String url) {
    }

    private final Map<String, List<Resource>> byLocale;

    public CrisisResources(@ConfigProperty(name = "attune.crisis-resources.file") Optional<String> file) {
        this.byLocale = load(file);
    }

    public List<Resource> forLocale(String locale) {
        String tag = locale == null ? "" : locale;
        String language = tag.contains("-") ? tag.substring(0, tag.indexOf('-')) : tag;
        for (String key : new String[] { tag, tag.toLowerCase(Locale.ROOT), language, "default" }) {
            List<Resource> resources = byLocale.get(key);
            if (resources != null && !resources.isEmpty()) {
                return resources;
            }
        }
        return List.of();
    }

    static Map<String, List<Resource>> load(Optional<String> file) {
        ObjectMapper mapper = new ObjectMapper();
        TypeReference<Map<String, List<Resource>>> type = new TypeReference<>() {
        };
        try {
            if (file.isPresent()) {
                try (InputStream in = Files.newInputStream(Path.of(file.get()))) {
                    return Map.copyOf(mapper.readValue(in, type));
                }
            }
            try (InputStream in = CrisisResources.class.getResourceAsStream(BUNDLED)) {
                return Map.copyOf(mapper.readValue(in, type));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the crisis resources " + file.orElse(BUNDLED), e);
        }
    }
}
