package io.attune.recommendation.messaging;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.attune.chassis.crypto.ClientKeys;
import io.attune.chassis.crypto.DataKey;
import io.attune.chassis.crypto.SealedFields;
import io.attune.recommendation.config.RecommendationConfig;

/**
 * A {@code recommendations} event as apps outside Attune read it: without the client's words by default; with
 * them sealed with the client's data key when {@code attune.recommendation.events.include-words} is on, and
 * without them when the client has no key any more (erased).
 */
@ApplicationScoped
public class RecommendationWire {

    /** The members that quote the client: the reason's evidence, and the summary that may quote it. */
    static final Predicate<String> WORDS = pointer -> pointer.equals("/reason/evidence")
            || pointer.equals("/reason/summary");

    private final ObjectMapper mapper;
    private final boolean includeWords;
    private final Function<String, Optional<DataKey>> currentKey;

    @Inject
    public RecommendationWire(ObjectMapper mapper, RecommendationConfig config, ClientKeys keys) {
        this(mapper, config.events().includeWords(), keys::awaitCurrent);
    }

    RecommendationWire(ObjectMapper mapper, boolean includeWords, Function<String, Optional<DataKey>> currentKey) {
        this.mapper = mapper;
        this.includeWords = includeWords;
        this.currentKey = currentKey;
    }

    /** The default: no words on the topic, and no key needed. */
    static RecommendationWire withoutWords(ObjectMapper mapper) {
        return new RecommendationWire(mapper, false, clientId -> Optional.empty());
    }

    String json(RecommendationChanged event) throws JsonProcessingException {
        if (includeWords && event.reason() != null) {
            Optional<DataKey> key = currentKey.apply(event.clientId());
            if (key.isPresent()) {
                JsonNode tree = mapper.valueToTree(event);
                SealedFields.sealAll(tree, key.get(), WORDS);
                return mapper.writeValueAsString(tree);
            }
        }
        return mapper.writeValueAsString(event.withoutWords());
    }
}
