package io.attune.scoring.config;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

/** Picks the crisis resources configured for a client's locale. */
@ApplicationScoped
public class CrisisResources {

    /** One place to turn to; shown with every crisis-level result. */
    public record Resource(String name, String contact, String url) {
    }

    private final ScoringConfig config;

    public CrisisResources(ScoringConfig config) {
        this.config = config;
    }

    public List<Resource> forLocale(String locale) {
        String tag = locale == null ? "" : locale;
        String language = tag.contains("-") ? tag.substring(0, tag.indexOf('-')) : tag;
        for (String key : new String[] { tag, tag.toLowerCase(Locale.ROOT), language, "default" }) {
            List<ScoringConfig.CrisisResource> resources = config.crisisResources().get(key);
            if (resources != null && !resources.isEmpty()) {
                return resources.stream().map(r -> new Resource(r.name(), r.contact(), r.url().orElse(null))).toList();
            }
        }
        return List.of();
    }
}
