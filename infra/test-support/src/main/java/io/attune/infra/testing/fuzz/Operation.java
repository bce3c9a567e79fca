package io.attune.infra.testing.fuzz;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.attune.infra.testing.attack.Endpoint;

/**
 * One operation of a service as the fuzz suite calls it: a valid request (path parameters, body, caller) that
 * the mutations then break in one place each.
 *
 * @param parameters the values of the path template's parameters, e.g. {@code clientId -> fuzz-client-1}
 * @param body       a valid JSON body, or null when the operation takes none
 * @param token      the bearer token of a caller allowed to call the operation
 * @param paged      the operation reads {@code limit} and {@code cursor}
 * @param catalog    the body's text is catalog text (bidirectional controls refused)
 */
public record Operation(Endpoint endpoint, Map<String, String> parameters, String body, String token, boolean paged,
        boolean catalog) {

    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");

    public Operation {
        parameters = new LinkedHashMap<>(parameters);
        Matcher matcher = PARAMETER.matcher(endpoint.template());
        while (matcher.find()) {
            if (!parameters.containsKey(matcher.group(1))) {
                throw new IllegalArgumentException(endpoint + " needs a value for {" + matcher.group(1) + "}");
            }
        }
    }

    /** The path with every parameter set to its valid value, or one of them to {@code replacement} (raw). */
    public String path(String parameter, String replacement) {
        Matcher matcher = PARAMETER.matcher(endpoint.template());
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            matcher.appendReplacement(path, Matcher.quoteReplacement(
                    name.equals(parameter) ? replacement : parameters.get(name)));
        }
        matcher.appendTail(path);
        return path.toString();
    }

    public String path() {
        return path(null, null);
    }

    @Override
    public String toString() {
        return endpoint.toString();
    }
}
