package io.attune.recommendation.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.attune.chassis.crypto.DataKey;
import io.attune.chassis.crypto.SealedFields;
import io.attune.recommendation.Recommendation;
import org.junit.jupiter.api.Test;

/** The {@code recommendations} topic carries no client words unless configured to, and then only sealed. */
class RecommendationWireTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final String QUOTE = "Just forget it.";
    private static final RecommendationChanged EVENT = new RecommendationChanged("r-1", "client-a", "issued",
            "lead-on-statements", "Replace closing comments with lead-on statements", "active",
            new Recommendation.Reason("exploration", 10, QUOTE, "a-1",
                    "Exploration scored 10/100 in this conversation (\"" + QUOTE + "\")."),
            List.of(), false, Instant.parse("2026-12-01T10:00:00Z"));

    private final DataKey key = DataKey.generate("client-a");

    @Test
    void byDefaultTheTopicCarriesNoWords() throws Exception {
        JsonNode event = JSON.readTree(RecommendationWire.withoutWords(JSON).json(EVENT));

        assertThat(event.toString()).doesNotContain("forget");
        assertThat(event.at("/reason/evidence").isNull()).isTrue();
        assertThat(event.at("/reason/summary").asText()).isEqualTo("Exploration scored 10/100 in this conversation.");
        assertThat(event.at("/reason/dimension").asText()).isEqualTo("exploration");
    }

    @Test
    void withWordsAllowedTheyGoSealedWithTheClientsKey() throws Exception {
        RecommendationWire wire = new RecommendationWire(JSON, true, clientId -> Optional.of(key));

        JsonNode event = JSON.readTree(wire.json(EVENT));

        assertThat(event.toString()).doesNotContain("forget");
        assertThat(SealedFields.isSealed(event.at("/reason/evidence"))).isTrue();
        assertThat(SealedFields.isSealed(event.at("/reason/summary"))).isTrue();
        SealedFields.openAll(event, key);
        assertThat(event.at("/reason/evidence").asText()).isEqualTo(QUOTE);
    }

    @Test
    void withWordsAllowedButTheKeyGoneTheyAreLeftOut() throws Exception {
        RecommendationWire wire = new RecommendationWire(JSON, true, clientId -> Optional.empty());

        assertThat(wire.json(EVENT)).doesNotContain("forget");
    }
}
