package io.attune.scoring.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.attune.infra.testing.EventContract;
import io.attune.scoring.engine.AttunementAnalyzer;
import io.attune.scoring.engine.ConversationSample;
import io.attune.scoring.engine.JournalEntry;
import io.attune.scoring.engine.Turn;
import io.attune.scoring.mapping.AssessmentView;
import org.junit.jupiter.api.Test;

/**
 * The safety part of {@code attunement-scores}, serialized as the service serializes it (Quarkus' mapper: ISO
 * dates), matches docs/events and says who voiced each safety span.
 */
class SafetyEventPayloadTest {
    private static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final AttunementAnalyzer ANALYZER = new AttunementAnalyzer();
    private static final Instant AT = Instant.parse("2025-03-14T19:03:28.240Z");

    @Test
    void aCrisisVoicedByTheOtherPersonNamesThemAndIsNotTheClients() throws Exception {
        AssessmentView view = AssessmentView.of(ANALYZER.analyze(new ConversationSample("partner", "Steve", List.of(
                new Turn("Steve", "How was your day?"),
                new Turn("Ann", "I honestly can't see the point of living anymore.")), "en")));

        JsonNode safety = payload(view, "partner").path("safety");

        assertThat(safety.path("level").asText()).isEqualTo("crisis");
        assertThat(safety.path("evidence")).isNotEmpty().allSatisfy(e -> {
            assertThat(e.path("turn").asInt()).isEqualTo(1);
            assertThat(e.path("speaker").asText()).isEqualTo("Ann");
            assertThat(e.path("client").asBoolean()).isFalse();
        });
    }

    @Test
    void aClientsOwnWordsAreMarkedAsTheClients() throws Exception {
        AssessmentView view = AssessmentView.of(ANALYZER.analyze(new ConversationSample("friend", "Sam", List.of(
                new Turn("Jo", "You okay?"),
                new Turn("Sam", "I've started cutting again, it's the only thing that helps.")), "en")));

        JsonNode safety = payload(view, "friend").path("safety");

        assertThat(safety.path("level").asText()).isEqualTo("crisis");
        assertThat(safety.path("evidence")).isNotEmpty().allSatisfy(e -> {
            assertThat(e.path("speaker").asText()).isEqualTo("Sam");
            assertThat(e.path("client").asBoolean()).isTrue();
        });
    }

    @Test
    void aJournalSpanHasANullSpeakerAndIsTheClients() throws Exception {
        AssessmentView view = AssessmentView.of(ANALYZER.analyze(new JournalEntry(
                "Long week. Everything I touch falls apart. Hopeless... just want to disappear", List.of(), null, "en")));

        JsonNode safety = payload(view, "self").path("safety");

        assertThat(safety.path("level").asText()).isEqualTo("crisis");
        assertThat(safety.path("evidence")).isNotEmpty().allSatisfy(e -> {
            assertThat(e.path("turn").asInt()).isEqualTo(-1);
            assertThat(e.has("speaker")).isTrue();
            assertThat(e.path("speaker").isNull()).isTrue();
            assertThat(e.path("client").asBoolean()).isTrue();
        });
    }

    private static JsonNode payload(AssessmentView view, String context) throws Exception {
        AttunementScoreComputed event = AttunementScoreComputed.of(UUID.randomUUID().toString(),
                UUID.randomUUID().toString(), AT, "client-1", context, "en", view, AT);
        String json = MAPPER.writeValueAsString(event);
        EventContract.assertValid(EventContract.ATTUNEMENT_SCORE_COMPUTED, json);
        return MAPPER.readTree(json);
    }
}
