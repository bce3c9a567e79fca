package io.attune.recommendation.config;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

/** The crisis resources configured for a client's locale. */
@ApplicationScoped
public class CrisisResources {

    /** One place to turn to, carried by a crisis seek-therapy recommendation. */
    public record Resource(String name, String contact, String url) {
    }

    private final RecommendationConfig config;

    public CrisisResources(RecommendationConfig config) {
        this.config = config;
    }

    public List<Resource> forLocale(String locale) {
        String tag = locale == null ? "" : locale;
        int dash = tag.indexOf('-');
        for (String key : new String[] { tag, dash > 0 ? tag.substring(0, dash) : tag, "default" }) {
            List<RecommendationConfig.CrisisResource> resources = config.crisisResources().get(key);
            if (resources != null && !resources.isEmpty()) {
                return resources.stream().map(r -> new Resource(r.name(), r.contact(), r.url().orElse(null))).toList();
            }
        }
        return List.of();
    }
}
