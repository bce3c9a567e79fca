package io.attune.journal.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.attune.chassis.crypto.DataKey;
import io.attune.chassis.crypto.SealedFields;
import io.attune.infra.testing.EventContract;
import io.attune.infra.testing.ProjectLayout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@code *.sealed.example.json} files of docs/events are what the topics carry: they match the schemas, hold
 * none of the words in the clear, and open to the plain examples with the (public) example key they were sealed
 * with, so the documented shape is the one the code produces.
 */
class SealedExamplesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The example key of docs/events, public on purpose: never a real client's key. */
    private static final byte[] EXAMPLE_KEY = "attune example data key, public!".getBytes(StandardCharsets.UTF_8);
    private static final String EXAMPLE_KID = "7d0c1b8e-5f2a-4c3d-9e6b-1a2f3c4d5e6f";

    @ParameterizedTest
    @ValueSource(strings = { EventContract.JOURNAL_ENTRY_RECORDED, EventContract.CONVERSATION_SAMPLE_RECORDED,
            EventContract.ATTUNEMENT_SCORE_COMPUTED, EventContract.RECOMMENDATION_CHANGED })
    void theSealedExampleMatchesTheSchemaAndOpensToThePlainOne(String event) throws Exception {
        String sealed = Files.readString(ProjectLayout.eventsDir().resolve(event + ".sealed.example.json"));
        JsonNode plain = JSON.readTree(EventContract.example(event));

        EventContract.assertValid(event, sealed);
        JsonNode tree = JSON.readTree(sealed);
        assertThat(SealedFields.kid(tree)).contains(EXAMPLE_KID);
        DataKey key = new DataKey(plain.get("clientId").asText(), EXAMPLE_KID, new SecretKeySpec(EXAMPLE_KEY, "AES"));
        assertThat(SealedFields.openAll(tree, key)).isPositive();
        assertThat(tree).isEqualTo(plain);
    }
}
