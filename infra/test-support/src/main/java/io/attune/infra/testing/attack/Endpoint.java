package io.attune.infra.testing.attack;

import java.util.Locale;

/** One JAX-RS endpoint: an HTTP method and its path template, e.g. {@code GET /api/v1/clients/{clientId}/audit}. */
public record Endpoint(String method, String template) implements Comparable<Endpoint> {

    public Endpoint {
        method = method.toUpperCase(Locale.ROOT);
        template = normalize(template);
    }

    /** {@code "GET /api/v1/clients/{clientId}/audit"}. */
    public static Endpoint of(String spec) {
        int space = spec.indexOf(' ');
        if (space < 0) {
            throw new IllegalArgumentException("expected \"METHOD /path\", got " + spec);
        }
        return new Endpoint(spec.substring(0, space), spec.substring(space + 1).strip());
    }

    /** One slash between segments, none at the end, and {@code {id: [0-9]+}} reduced to {@code {id}}. */
    static String normalize(String template) {
        String path = ("/" + template).replaceAll("/+", "/").replaceAll("\\{\\s*([^:}\\s]+)\\s*(:[^}]*)?}", "{$1}");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    @Override
    public int compareTo(Endpoint other) {
        int byPath = template.compareTo(other.template);
        return byPath != 0 ? byPath : method.compareTo(other.method);
    }

    @Override
    public String toString() {
        return method + " " + template;
    }
}
