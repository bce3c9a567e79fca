package io.attune.recommendation.messaging;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.attune.chassis.crypto.ClientKeys;
import io.attune.chassis.crypto.DataKey;
import io.attune.chassis.crypto.SealedFields;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Reads a score event whose words (evidence quotes) arrive sealed with the client's data key
 * (docs/security.md#crypto-shredding): they are opened on the JSON tree, before it is mapped, with the key from
 * {@link ClientKeys}. Shared by the consumers of {@code attunement-scores}.
 */
@ApplicationScoped
public class SealedScores {

    /** What became of a record: its readable score, or why there is none. */
    public enum Outcome { READ, KEY_ERASED, STOPPING }

    /** The score's event with its words opened, when {@code outcome} is {@link Outcome#READ}. */
    public record Opened(Outcome outcome, AttunementScoreComputed score) {
    }

    private final ObjectMapper mapper;
    private final RetryingProcessor processor;
    private final ClientKeys keys;
    private final MeterRegistry metrics;

    public SealedScores(ObjectMapper mapper, RetryingProcessor processor, ClientKeys keys, MeterRegistry metrics) {
        this.mapper = mapper;
        this.processor = processor;
        this.keys = keys;
        this.metrics = metrics;
    }

    /**
     * Opens and maps one record. While journal-service cannot be asked for the key, waits like for MongoDB (mostly
     * the key is cached). A client erased since (key destroyed) is {@link Outcome#KEY_ERASED} and counted: its words
     * are meant to be unreadable, and the erasure deletes everything this service holds of them.
     *
     * @throws Exception for a record that can never be read (unparseable, tampered, not a score of a client)
     */
    public Opened open(String channel, String payload) throws Exception {
        JsonNode tree = mapper.readTree(payload);
        if (tree == null || !tree.isObject() || !tree.path("clientId").isTextual()) {
            throw new IllegalArgumentException("not a score of a client");
        }
        Optional<String> kid = SealedFields.kid(tree);
        if (kid.isPresent()) {
            String clientId = tree.get("clientId").asText();
            Optional<Optional<DataKey>> found = processor.retrying(channel, () -> keys.await(clientId, kid.get()));
            if (found.isEmpty()) {
                return new Opened(Outcome.STOPPING, null);
            }
            if (found.get().isEmpty()) {
                metrics.counter("attune.crypto.unreadable", "channel", channel, "reason", "key-erased").increment();
                return new Opened(Outcome.KEY_ERASED, null);
            }
            SealedFields.openAll(tree, found.get().get());
        }
        return new Opened(Outcome.READ, mapper.treeToValue(tree, AttunementScoreComputed.class));
    }
}
