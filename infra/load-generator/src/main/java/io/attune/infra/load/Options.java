package io.attune.infra.load;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Command-line options, with environment defaults for the addresses and the token. */
record Options(Schedule schedule, Mix mix, URI journalUrl, String bootstrapServers, String topic, Duration drain,
        Path pidDir, Optional<String> token, String clientPrefix) {

    private static final Set<String> KNOWN = Set.of("rate", "seconds", "mix", "journal-url", "bootstrap", "topic",
            "drain-seconds", "pid-dir", "token-file", "client-prefix");

    static final String USAGE = """
            Usage: attune load --rate R --seconds S [options]
              --rate R               submissions per second, paced open-loop
              --seconds S            how long to send
              --mix SPEC             e.g. conversation:0.7,journal:0.3 (default conversation:1)
              --journal-url URL      journal-service base URL (default $ATTUNE_JOURNAL_URL or http://127.0.0.1:8081)
              --bootstrap HOSTS      Kafka bootstrap servers (default $KAFKA_BOOTSTRAP_SERVERS or 127.0.0.1:9092)
              --topic NAME           where recommendations appear (default recommendations)
              --drain-seconds D      after sending, wait up to D s for outstanding recommendations (default 30)
              --pid-dir DIR          report CPU seconds of the processes in DIR/*.pid (default .run)
              --token-file FILE      send 'Authorization: Bearer <token>' (or set ATTUNE_TOKEN)
              --client-prefix P      client ids are P-<n>, one per submission (default load-<epoch seconds>)
            """;

    static Options parse(String[] args, Map<String, String> env) {
        Map<String, String> given = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'");
            }
            int eq = arg.indexOf('=');
            if (eq > 0) {
                given.put(arg.substring(2, eq), arg.substring(eq + 1));
            } else if (i + 1 < args.length) {
                given.put(arg.substring(2), args[++i]);
            } else {
                throw new IllegalArgumentException(arg + " needs a value");
            }
        }
        for (String name : given.keySet()) {
            if (!KNOWN.contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name);
            }
        }
        String rate = required(given, "rate");
        String seconds = required(given, "seconds");
        Schedule schedule = new Schedule(number("rate", rate), number("seconds", seconds));
        Mix mix = Mix.parse(Optional.ofNullable(given.get("mix")).orElse("conversation:1"));
        URI journal = URI.create(Optional.ofNullable(given.get("journal-url"))
                .orElse(env.getOrDefault("ATTUNE_JOURNAL_URL", "http://127.0.0.1:8081")).replaceAll("/+$", ""));
        String bootstrap = Optional.ofNullable(given.get("bootstrap"))
                .orElse(env.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"));
        String topic = Optional.ofNullable(given.get("topic")).orElse("recommendations");
        Duration drain = Duration.ofMillis(Math.round(1000 * number("drain-seconds",
                Optional.ofNullable(given.get("drain-seconds")).orElse("30"))));
        Path pidDir = Path.of(Optional.ofNullable(given.get("pid-dir")).orElse(".run"));
        Optional<String> token = token(given.get("token-file"), env.get("ATTUNE_TOKEN"));
        String prefix = Optional.ofNullable(given.get("client-prefix"))
                .orElse("load-" + System.currentTimeMillis() / 1000);
        if (!prefix.matches("[A-Za-z0-9._-]{1,40}")) {
            throw new IllegalArgumentException("--client-prefix must be 1-40 letters, digits, '.', '_' or '-'");
        }
        return new Options(schedule, mix, journal, bootstrap, topic, drain, pidDir, token, prefix);
    }

    private static String required(Map<String, String> given, String name) {
        String value = given.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    private static double number(String name, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a number, got '" + value + "'");
        }
    }

    private static Optional<String> token(String file, String env) {
        if (file != null) {
            try {
                String token = Files.readString(Path.of(file)).trim();
                if (token.isEmpty()) {
                    throw new IllegalArgumentException("--token-file " + file + " is empty");
                }
                return Optional.of(token);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read --token-file " + file + ": " + e.getMessage());
            }
        }
        return Optional.ofNullable(env).map(String::trim).filter(t -> !t.isEmpty());
    }
}
