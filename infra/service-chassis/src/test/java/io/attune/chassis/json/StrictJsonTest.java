package io.attune.chassis.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StrictJsonTest {

    record Tag(String label, Integer intensity) {
    }

    enum Mood { CALM, TENSE }

    record Entry(String text, List<Tag> tags, OffsetDateTime occurredAt, Boolean shared, String id, Object extra,
            Mood mood) {
    }

    private static final ObjectMapper MAPPER = strict();

    @ParameterizedTest
    @ValueSource(strings = { "{\"text\":123}", "{\"text\":true}", "{\"text\":1.5}", "{\"id\":5}",
            "{\"tags\":[{\"label\":true}]}", "{\"tags\":[{\"intensity\":\"7\"}]}", "{\"tags\":[{\"intensity\":7.5}]}",
            "{\"tags\":[{\"intensity\":7.0}]}", "{\"tags\":[{\"intensity\":1e1}]}", "{\"shared\":1}",
            "{\"shared\":\"true\"}", "{\"occurredAt\":1769850000}", "{\"occurredAt\":1769850000.5}", "{\"mood\":1}" })
    void noCoercionBetweenStringsNumbersBooleansAndDates(String json) {
        assertThatThrownBy(() -> MAPPER.readValue(json, Entry.class)).isInstanceOf(MismatchedInputException.class);
    }

    @Test
    void aDuplicateKeyIsRefused() {
        assertThatThrownBy(() -> MAPPER.readValue("{\"text\":\"a\",\"text\":\"b\"}", Entry.class))
                .isInstanceOf(JsonProcessingException.class).hasMessageContaining("Duplicate field 'text'");
    }

    @Test
    void nestingAndNumberLengthAreBounded() {
        String deep = "{\"text\":\"a\",\"extra\":" + "[".repeat(40) + "]".repeat(40) + "}";
        assertThatThrownBy(() -> MAPPER.readValue(deep, Entry.class)).isInstanceOf(JsonMappingException.class)
                .hasMessageContaining("nesting depth");
        String longNumber = "{\"tags\":[{\"intensity\":" + "9".repeat(100_000) + "}]}";
        assertThatThrownBy(() -> MAPPER.readValue(longNumber, Entry.class)).isInstanceOf(JsonMappingException.class)
                .hasMessageContaining("Number value length");
    }

    @Test
    void wellTypedJsonStillReads() throws Exception {
        Entry entry = MAPPER.readValue("{\"text\":\"a\",\"tags\":[{\"label\":\"calm\",\"intensity\":7}],"
                + "\"occurredAt\":\"2026-01-31T09:00:00Z\",\"shared\":true,\"id\":\"e-1\"}", Entry.class);
        assertThat(entry.tags()).containsExactly(new Tag("calm", 7));
        assertThat(entry.occurredAt()).isEqualTo(OffsetDateTime.parse("2026-01-31T09:00:00Z"));
    }

    private static ObjectMapper strict() {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());
        new StrictJson().customize(mapper);
        return mapper;
    }
}
