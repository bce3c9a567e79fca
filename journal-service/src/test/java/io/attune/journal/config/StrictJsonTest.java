package io.attune.journal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.attune.chassis.json.StrictJson;
import io.attune.journal.EmotionTag;
import io.attune.journal.Turn;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StrictJsonTest {

    private static final ObjectMapper MAPPER = strict();

    record Flag(Boolean on) {
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"speaker\":1,\"text\":\"x\"}",
            "{\"speaker\":\"a\",\"text\":1.5}",
            "{\"speaker\":\"a\",\"text\":true}",
            "{\"speaker\":\"a\",\"text\":\"x\"} {}" })
    void wrongTypesOrTrailingContentAreRejected(String json) {
        assertThatThrownBy(() -> MAPPER.readValue(json, Turn.class)).isInstanceOf(MismatchedInputException.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"label\":\"sad\",\"intensity\":\"7\"}",
            "{\"label\":\"sad\",\"intensity\":7.5}",
            "{\"label\":\"sad\",\"intensity\":true}" })
    void intensityMustBeAJsonInteger(String json) {
        assertThatThrownBy(() -> MAPPER.readValue(json, EmotionTag.class)).isInstanceOf(MismatchedInputException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = { "{\"on\":1}", "{\"on\":\"true\"}" })
    void booleansMustBeJsonBooleans(String json) {
        assertThatThrownBy(() -> MAPPER.readValue(json, Flag.class)).isInstanceOf(MismatchedInputException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = { "{\"label\":\"sad\",\"intensity\":7}", " {\"label\":\"sad\",\"intensity\":7} \n" })
    void wellTypedJsonStillReads(String json) throws Exception {
        assertThat(MAPPER.readValue(json, EmotionTag.class)).isEqualTo(new EmotionTag("sad", 7));
    }

    private static ObjectMapper strict() {
        ObjectMapper mapper = new ObjectMapper();
        new StrictJson().customize(mapper);
        return mapper;
    }
}
