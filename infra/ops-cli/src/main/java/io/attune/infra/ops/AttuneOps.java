package io.attune.infra.ops;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Operator commands of {@code infra/bin/attune}. Dead letters are shown without their payload by default: a
 * journal entry or conversation sample carries a client's own words, so only its size and event id/type appear
 * unless {@code --with-payload} is given. Even then the words are sealed with the client's data key
 * (docs/security.md#crypto-shredding): this tool has no key, prints the sealed fields as they are and replays the
 * bytes unchanged.
 */
@Command(name = "attune", mixinStandardHelpOptions = true, subcommands = AttuneOps.Dlq.class,
        description = "Attune operator commands.")
public final class AttuneOps {

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true, StandardCharsets.UTF_8), args));
    }

    static int run(PrintWriter out, String... args) {
        CommandLine commandLine = new CommandLine(new AttuneOps());
        commandLine.setOut(out);
        return commandLine.execute(args);
    }

    @Command(name = "dlq", mixinStandardHelpOptions = true,
            description = "Inspect and replay the dead-letter topics (*-dlq).")
    static final class Dlq {

        @Option(names = "--bootstrap-servers", description = "Kafka bootstrap servers (default: "
                + "$KAFKA_BOOTSTRAP_SERVERS, else 127.0.0.1:9092)")
        String bootstrapServers;

        @Option(names = "--group", defaultValue = Replayer.DEFAULT_GROUP,
                description = "Consumer group that records what was replayed (default: ${DEFAULT-VALUE})")
        String group;

        @Spec
        CommandLine.Model.CommandSpec spec;

        String servers() {
            if (bootstrapServers != null) {
                return bootstrapServers;
            }
            String env = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
            return env == null || env.isBlank() ? "127.0.0.1:9092" : env;
        }

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        @Command(name = "list", description = "Per dead-letter topic: record counts and offsets per partition, how far "
                + "replay got, and one line per record with its origin and failure.")
        int list(@Parameters(arity = "0..1", paramLabel = "TOPIC",
                description = "A dead-letter topic; all *-dlq topics when omitted") String topic) {
            try (DeadLetterReader reader = new DeadLetterReader(servers())) {
                List<String> topics = topic == null ? reader.deadLetterTopics() : List.of(topic);
                if (topics.isEmpty()) {
                    out().println("No *-dlq topics.");
                }
                for (String name : topics) {
                    List<DeadLetterReader.PartitionState> states = reader.states(name, group);
                    long count = states.stream().mapToLong(DeadLetterReader.PartitionState::count).sum();
                    long pending = states.stream().mapToLong(DeadLetterReader.PartitionState::pendingReplay).sum();
                    out().printf("%s: %d record(s), %d not yet replayed (group %s)%n", name, count, pending, group);
                    for (DeadLetterReader.PartitionState state : states) {
                        out().printf("  partition %d: offsets %d..%d, replayed up to %s%n",
                                state.partition().partition(), state.begin(), state.end(),
                                state.replayed() < 0 ? "-" : String.valueOf(state.replayed()));
                    }
                    for (DeadLetter letter : reader.read(name, l -> true)) {
                        out().printf("  %d@%d  %s  key=%s  from=%s  %s: %s%n", letter.partition(), letter.offset(),
                                letter.timestamp(), letter.key(), letter.origin(), letter.exceptionSimpleName(),
                                abbreviate(letter.header(DeadLetter.REASON), 100));
                    }
                }
            }
            return 0;
        }

        @Command(name = "show", description = "Prints dead letters with all their headers; the payload only as its "
                + "size unless --with-payload.")
        int show(@Parameters(paramLabel = "TOPIC", description = "A dead-letter topic") String topic,
                @Option(names = "--partition", description = "Only this partition") Integer partition,
                @Option(names = "--offset", description = "Only the record at this offset") Long offset,
                @Option(names = "--with-payload", description = "Also print the payload (may hold a client's "
                        + "journal text: mind where the output goes)") boolean withPayload) {
            try (DeadLetterReader reader = new DeadLetterReader(servers())) {
                List<DeadLetter> letters = reader.read(topic, l -> (partition == null || l.partition() == partition)
                        && (offset == null || l.offset() == offset));
                if (letters.isEmpty()) {
                    out().println("No matching records in " + topic + ".");
                }
                for (DeadLetter letter : letters) {
                    out().printf("%s  %s  key=%s%n", letter.position(), letter.timestamp(), letter.key());
                    out().printf("  event: id=%s type=%s, payload %d bytes%n", letter.header("ce_id"),
                            letter.header("ce_type"), letter.value().length);
                    for (Map.Entry<String, String> header : letter.headers().entrySet()) {
                        out().printf("  %s: %s%n", header.getKey(), header.getValue());
                    }
                    if (withPayload) {
                        out().println("  payload: " + new String(letter.value(), StandardCharsets.UTF_8));
                    }
                }
            }
            return 0;
        }

        @Command(name = "replay", description = "Re-publishes the dead letters not yet replayed to their original "
                + "topic, with the same key and CloudEvents headers, and records them as replayed.")
        int replay(@Parameters(paramLabel = "TOPIC", description = "A dead-letter topic") String topic,
                @Option(names = "--dry-run", description = "Only count what would be replayed") boolean dryRun)
                throws InterruptedException {
            Replayer.Result result = new Replayer(servers(), group).replay(topic, dryRun);
            result.problems().forEach(problem -> out().println("  skipped " + problem));
            out().printf("%s: %s %d record(s), skipped %d%n", topic, dryRun ? "would replay" : "replayed",
                    result.replayed(), result.skipped());
            return result.skipped() == 0 ? 0 : 1;
        }
    }

    private static String abbreviate(String text, int max) {
        if (text == null) {
            return "-";
        }
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max) + "...";
    }
}
