package io.attune.chassis.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class SealedFieldsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String EVENT = """
            {"sampleId":"s-1","clientId":"client-a","relationship":"partner",
             "turns":[{"speaker":"ann","text":"My boss yelled at me today."},
                      {"speaker":"steve","text":"That sucks! Just forget it."}]}""";

    private final DataKey key = DataKey.generate("client-a");

    @Test
    void sealsTheWordsOnlyAndOpensThemAgain() throws Exception {
        JsonNode event = MAPPER.readTree(EVENT);

        int sealed = SealedFields.sealAll(event, key, SealedFields.named("text"));

        assertThat(sealed).isEqualTo(2);
        String wire = MAPPER.writeValueAsString(event);
        assertThat(wire).doesNotContain("boss", "forget").contains("\"speaker\":\"ann\"", "\"sampleId\":\"s-1\"");
        JsonNode text = event.at("/turns/0/text");
        assertThat(text.get("alg").asText()).isEqualTo("A256GCM");
        assertThat(text.get("kid").asText()).isEqualTo(key.kid());
        assertThat(Base64.getUrlDecoder().decode(text.get("iv").asText())).hasSize(12);
        assertThat(SealedFields.kid(event)).contains(key.kid());

        JsonNode received = MAPPER.readTree(wire);
        assertThat(SealedFields.openAll(received, key)).isEqualTo(2);
        assertThat(received).isEqualTo(MAPPER.readTree(EVENT));
    }

    @Test
    void everySealingUsesAFreshNonce() {
        ObjectNode first = SealedFields.seal(key, "/text", "same words");
        ObjectNode second = SealedFields.seal(key, "/text", "same words");
        assertThat(first.get("iv")).isNotEqualTo(second.get("iv"));
        assertThat(first.get("ct")).isNotEqualTo(second.get("ct"));
    }

    @Test
    void aTamperedCiphertextDoesNotOpen() {
        ObjectNode sealed = SealedFields.seal(key, "/text", "I hate him!");
        byte[] ct = Base64.getUrlDecoder().decode(sealed.get("ct").asText());
        ct[0] ^= 1;
        sealed.put("ct", Base64.getUrlEncoder().withoutPadding().encodeToString(ct));

        assertThatThrownBy(() -> SealedFields.open(key, "/text", sealed)).isInstanceOf(UnreadableException.class);
    }

    @Test
    void aTamperedNonceDoesNotOpen() {
        ObjectNode sealed = SealedFields.seal(key, "/text", "I hate him!");
        sealed.put("iv", Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[12]));

        assertThatThrownBy(() -> SealedFields.open(key, "/text", sealed)).isInstanceOf(UnreadableException.class);
    }

    @Test
    void ciphertextMovedToAnotherClientDoesNotOpenEvenWithTheSameKeyMaterial() {
        ObjectNode sealed = SealedFields.seal(key, "/text", "I hate him!");
        DataKey sameMaterialOtherClient = new DataKey("client-b", key.kid(), key.key());

        assertThatThrownBy(() -> SealedFields.open(sameMaterialOtherClient, "/text", sealed))
                .isInstanceOf(UnreadableException.class);
    }

    @Test
    void ciphertextMovedToAnotherFieldDoesNotOpen() throws Exception {
        JsonNode event = MAPPER.readTree(EVENT);
        SealedFields.sealAll(event, key, SealedFields.named("text"));
        JsonNode first = event.at("/turns/0/text");
        ((ObjectNode) event.at("/turns/1")).set("text", first.deepCopy());

        assertThatThrownBy(() -> SealedFields.openAll(event, key)).isInstanceOf(UnreadableException.class);
    }

    @Test
    void anotherKeyOfTheSameClientDoesNotOpen() {
        ObjectNode sealed = SealedFields.seal(key, "/text", "I hate him!");
        DataKey other = DataKey.generate("client-a");
        DataKey otherMaterialSameKid = new DataKey("client-a", key.kid(), other.key());

        assertThatThrownBy(() -> SealedFields.open(other, "/text", sealed)).isInstanceOf(UnreadableException.class);
        assertThatThrownBy(() -> SealedFields.open(otherMaterialSameKid, "/text", sealed))
                .isInstanceOf(UnreadableException.class);
    }

    @Test
    void anEventWithoutSealedFieldsHasNoKeyId() throws Exception {
        assertThat(SealedFields.kid(MAPPER.readTree(EVENT))).isEmpty();
        assertThat(SealedFields.openAll(MAPPER.readTree(EVENT), key)).isZero();
    }

    @Test
    void wordsAreCountedAsUtf8() {
        String words = "Ich fühle mich 😞 heute";
        assertThat(SealedFields.open(key, "/text", SealedFields.seal(key, "/text", words))).isEqualTo(words);
        assertThat(words.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(words.length());
    }
}
