package io.attune.chassis.json;

import java.io.IOException;
import java.time.temporal.Temporal;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * The one JSON policy of every service: reject JSON of the wrong type instead of guessing. {@code "text": 123},
 * {@code "intensity": "7"} or {@code 7.5}, {@code "shareTextWithCoach": 1}, a date given as epoch seconds, a key
 * given twice and trailing content after the JSON object are client bugs, and a silent conversion would store
 * something the client never meant. Nesting and number length are bounded so that a hostile document costs
 * nothing to refuse; the limits are far above anything the API's documents need.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    /** Deepest nesting of objects and arrays; the deepest request document of the API has 3 levels. */
    public static final int MAX_NESTING_DEPTH = 32;
    /** Longest number, in characters; the API's numbers have at most a few digits. */
    public static final int MAX_NUMBER_LENGTH = 32;

    @Override
    @SuppressWarnings("deprecation") // ALLOW_COERCION_OF_SCALARS is still the switch Jackson 2 consults
    public void customize(ObjectMapper mapper) {
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        mapper.configure(DeserializationFeature.ACCEPT_FLOAT_AS_INT, false);
        // An enum is named, never numbered: "context": 1 must not pick the second value.
        mapper.configure(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS, true);
        // "{...} garbage" is not one JSON document; accepting it would hide a client's broken serializer.
        mapper.configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true);
        // With duplicates, which value counts depends on the parser; a proxy and we could read different requests.
        mapper.getFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .build());
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.registerModule(new SimpleModule("attune-strict-time").setDeserializerModifier(new TimeAsTextOnly()));
    }

    /**
     * java.time reads a bare number as epoch seconds: {@code "occurredAt": 1} would be stored as 1970. Dates and
     * times must be ISO-8601 strings.
     */
    private static final class TimeAsTextOnly extends BeanDeserializerModifier {

        @Override
        public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                JsonDeserializer<?> deserializer) {
            if (Temporal.class.isAssignableFrom(description.getBeanClass())) {
                return new TextOnly(deserializer);
            }
            return deserializer;
        }
    }

    private static final class TextOnly extends DelegatingDeserializer {

        TextOnly(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
            return new TextOnly(newDelegatee);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT
                    || parser.currentToken() == JsonToken.VALUE_NUMBER_FLOAT) {
                return context.handleUnexpectedToken(handledType(), parser);
            }
            return super.deserialize(parser, context);
        }
    }
}
