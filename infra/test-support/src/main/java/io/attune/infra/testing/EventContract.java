package io.attune.infra.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;

/**
 * Checks event payloads against the JSON Schemas in {@code docs/events/}, the single source of truth for the
 * contract between services. Producers check what they send, consumers check the examples they accept.
 */
public final class EventContract {

    public static final String JOURNAL_ENTRY_RECORDED = "journal-entry-recorded.v1";
    public static final String CONVERSATION_SAMPLE_RECORDED = "conversation-sample-recorded.v1";
    public static final String ATTUNEMENT_SCORE_COMPUTED = "attunement-score-computed.v1";
    public static final String RECOMMENDATION_CHANGED = "recommendation-changed.v1";
    public static final String CLIENT_ERASURE_REQUESTED = "client-erasure-requested.v1";
    public static final String CLIENT_ACCESS_CHANGED = "client-access-changed.v1";
    public static final String TEXT_READ = "text-read.v1";

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(
                    SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private EventContract() {
    }

    /** Returns the schema violations of {@code json} against {@code <event>.schema.json}; empty when valid. */
    public static List<String> violations(String event, String json) {
        return schema(event).validate(json, InputFormat.JSON).stream()
                .map(error -> error.getInstanceLocation() + ": " + error.getMessage())
                .toList();
    }

    /** Fails with every violation listed when {@code json} does not match the schema of {@code event}. */
    public static void assertValid(String event, String json) {
        List<String> violations = violations(event, json);
        if (!violations.isEmpty()) {
            throw new AssertionError("payload does not match docs/events/" + event + ".schema.json:\n  "
                    + String.join("\n  ", violations));
        }
    }

    /** The documented example of {@code event}, as published in {@code docs/events/}. */
    public static String example(String event) {
        return read(ProjectLayout.eventsDir().resolve(event + ".example.json"));
    }

    private static Schema schema(String event) {
        return SCHEMAS.computeIfAbsent(event, name -> {
            try (InputStream in = Files.newInputStream(ProjectLayout.eventsDir().resolve(name + ".schema.json"))) {
                return REGISTRY.getSchema(in, InputFormat.JSON);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
