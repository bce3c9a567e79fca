package io.attune.infra.stack;

import java.util.LinkedHashMap;
import java.util.Map;

/** Parses {@code --name value} pairs; anything else is a usage error. */
final class LauncherArgs {

    private LauncherArgs() {
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got: " + String.join(" ", args));
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }
}
