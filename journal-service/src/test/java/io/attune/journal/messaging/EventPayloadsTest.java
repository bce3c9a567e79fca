package io.attune.journal.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.attune.chassis.security.ClientAccess;
import io.attune.infra.testing.EventContract;
import io.attune.journal.Context;
import io.attune.journal.ConversationSample;
import io.attune.journal.EmotionTag;
import io.attune.journal.JournalEntry;
import io.attune.journal.PublicationState;
import io.attune.journal.Relationship;
import io.attune.journal.Turn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The payload records, serialized as the service serializes them (Quarkus' mapper: ISO dates, not timestamps),
 * match docs/events for every enum value and at the documented limits; the documented examples round-trip
 * through the records without losing a field.
 */
class EventPayloadsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final Instant RECORDED = Instant.parse("2025-03-14T21:02:11.482Z");

    @ParameterizedTest
    @EnumSource(Context.class)
    void journalEntryRecordedMatchesSchemaForEveryContext(Context context) throws Exception {
        JournalEntry entry = new JournalEntry(UUID.randomUUID().toString(), "client-1", context, "Felt tense.",
                List.of(), "en", RECORDED, RECORDED, PublicationState.PENDING);
        EventContract.assertValid(EventContract.JOURNAL_ENTRY_RECORDED, MAPPER.writeValueAsString(JournalEntryRecorded.of(entry)));
    }

    @Test
    void journalEntryRecordedAtTheLimitsMatchesSchema() throws Exception {
        List<EmotionTag> emotions = IntStream.range(0, 20).mapToObj(i -> new EmotionTag("e".repeat(40), i % 10 + 1)).toList();
        JournalEntry entry = new JournalEntry(UUID.randomUUID().toString(), "c".repeat(64), Context.SELF,
                "x".repeat(JournalEntry.MAX_TEXT_LENGTH), emotions, "zh-Hant-TW", Instant.parse("1900-01-01T00:00:00Z"),
                RECORDED, PublicationState.PENDING);
        String json = MAPPER.writeValueAsString(JournalEntryRecorded.of(entry));
        EventContract.assertValid(EventContract.JOURNAL_ENTRY_RECORDED, json);
        assertThat(json).contains("\"occurredAt\":\"1900-01-01T00:00:00Z\"");
    }

    @Test
    void aTextOverTheLimitWouldBreakTheContract() throws Exception {
        JournalEntry entry = new JournalEntry(UUID.randomUUID().toString(), "client-1", Context.SELF,
                "x".repeat(JournalEntry.MAX_TEXT_LENGTH + 1), List.of(), "en", RECORDED, RECORDED, PublicationState.PENDING);
        assertThat(EventContract.violations(EventContract.JOURNAL_ENTRY_RECORDED,
                MAPPER.writeValueAsString(JournalEntryRecorded.of(entry)))).isNotEmpty();
    }

    @ParameterizedTest
    @EnumSource(Relationship.class)
    void conversationSampleRecordedMatchesSchemaForEveryRelationship(Relationship relationship) throws Exception {
        ConversationSample sample = sample(relationship, List.of(new Turn("Ann", "I hate him!"), new Turn("Steve", "Why?")));
        EventContract.assertValid(EventContract.CONVERSATION_SAMPLE_RECORDED, MAPPER.writeValueAsString(ConversationSampleRecorded.of(sample)));
    }

    @Test
    void conversationSampleRecordedAtTheLimitsMatchesSchema() throws Exception {
        List<Turn> turns = IntStream.range(0, ConversationSample.MAX_TURNS)
                .mapToObj(i -> new Turn((i % 2 == 0 ? "A" : "B").repeat(40), "t".repeat(Turn.MAX_TEXT_LENGTH))).toList();
        EventContract.assertValid(EventContract.CONVERSATION_SAMPLE_RECORDED,
                MAPPER.writeValueAsString(ConversationSampleRecorded.of(sample(Relationship.COACHEE, turns))));
    }

    @Test
    void clientErasureRequestedMatchesSchema() throws Exception {
        EventContract.assertValid(EventContract.CLIENT_ERASURE_REQUESTED, MAPPER.writeValueAsString(
                new ClientErasureRequested(UUID.randomUUID().toString(), "client-1", RECORDED)));
    }

    static Stream<Arguments2> examples() {
        return Stream.of(new Arguments2(EventContract.JOURNAL_ENTRY_RECORDED, JournalEntryRecorded.class),
                new Arguments2(EventContract.CONVERSATION_SAMPLE_RECORDED, ConversationSampleRecorded.class),
                new Arguments2(EventContract.CLIENT_ERASURE_REQUESTED, ClientErasureRequested.class));
    }

    record Arguments2(String event, Class<?> record) {
    }

    @ParameterizedTest
    @MethodSource("examples")
    void documentedExampleIsValidAndRoundTripsThroughTheRecord(Arguments2 example) throws Exception {
        String json = EventContract.example(example.event());
        EventContract.assertValid(example.event(), json);
        String again = MAPPER.writeValueAsString(MAPPER.readValue(json, example.record()));
        EventContract.assertValid(example.event(), again);
        assertThat(MAPPER.readTree(again)).isEqualTo(MAPPER.readTree(json));
    }

    @Test
    void payloadToStringNeverCarriesText() {
        ConversationSample sample = sample(Relationship.FRIEND, List.of(new Turn("Ann", "secret words"), new Turn("Me", "more")));
        assertThat(ConversationSampleRecorded.of(sample).toString()).doesNotContain("secret words");
        assertThat(sample.toString()).doesNotContain("secret words");
        JournalEntry entry = new JournalEntry("id", "c", Context.SELF, "secret words", List.of(), "en", RECORDED, RECORDED,
                PublicationState.PENDING);
        assertThat(JournalEntryRecorded.of(entry).toString()).doesNotContain("secret words");
        assertThat(entry.toString()).doesNotContain("secret words");
    }

    private static ConversationSample sample(Relationship relationship, List<Turn> turns) {
        return new ConversationSample(UUID.randomUUID().toString(), "client-1", relationship, turns.get(1).speaker(), turns,
                "en", RECORDED, RECORDED, PublicationState.PENDING);
    }

    @Test
    void clientAccessChangedMatchesSchemaAndItsExampleRoundTrips() throws Exception {
        ClientAccess access = new ClientAccess("client-1", "acme", Set.of("coach-b", "coach-a"), true);
        String json = MAPPER.writeValueAsString(ClientAccessChanged.of(access, 42));
        EventContract.assertValid(EventContract.CLIENT_ACCESS_CHANGED, json);
        assertThat(MAPPER.readTree(json).path("coaches").toString()).isEqualTo("[\"coach-a\",\"coach-b\"]");

        String example = EventContract.example(EventContract.CLIENT_ACCESS_CHANGED);
        EventContract.assertValid(EventContract.CLIENT_ACCESS_CHANGED, example);
        assertThat(MAPPER.readTree(MAPPER.writeValueAsString(MAPPER.readValue(example, ClientAccessChanged.class))))
                .isEqualTo(MAPPER.readTree(example));
    }

    @Test
    void theTextReadExampleIsWhatTheConsumerReads() throws Exception {
        String example = EventContract.example(EventContract.TEXT_READ);
        EventContract.assertValid(EventContract.TEXT_READ, example);
        TextReadRecorded read = MAPPER.readValue(example, TextReadRecorded.class);
        assertThat(MAPPER.readTree(MAPPER.writeValueAsString(read))).isEqualTo(MAPPER.readTree(example));
    }
}
