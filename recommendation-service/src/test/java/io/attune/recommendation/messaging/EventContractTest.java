package io.attune.recommendation.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.attune.chassis.crisis.CrisisResources;
import io.attune.infra.testing.EventContract;
import io.attune.recommendation.Recommendation;
import io.attune.recommendation.RecommendationStatus;
import io.attune.recommendation.policy.ScoreSnapshot;
import io.attune.recommendation.service.AccessControl;
import org.junit.jupiter.api.Test;

/** The event records of this service against the schemas and examples in docs/events/. */
class EventContractTest {

    /** Configured as Quarkus configures its mapper (application.properties: ISO dates). */
    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    @Test
    void theDocumentedScoreExampleIsValidAndReadIntoASnapshotWithItsWorstEvidence() throws Exception {
        String example = EventContract.example(EventContract.ATTUNEMENT_SCORE_COMPUTED);
        EventContract.assertValid(EventContract.ATTUNEMENT_SCORE_COMPUTED, example);

        ScoreSnapshot snapshot = ScoreConsumer.toSnapshot(JSON.readValue(example, AttunementScoreComputed.class));

        JsonNode expected = JSON.readTree(example);
        assertThat(snapshot.assessmentId()).isEqualTo(expected.path("scoreId").asText());
        assertThat(snapshot.kind()).isEqualTo(expected.path("kind").asText());
        assertThat(snapshot.context()).isEqualTo(expected.path("context").asText());
        assertThat(snapshot.overallScore()).isEqualTo(expected.path("overall").path("score").asInt());
        assertThat(snapshot.safetyLevel()).isEqualTo(expected.path("safety").path("level").asText());
        assertThat(snapshot.scoredAt()).isEqualTo(Instant.parse(expected.path("scoredAt").asText()));
        assertThat(snapshot.dimensions()).hasSize(expected.path("dimensions").size());
        // The span that lowered the dimension most explains it; presence has no evidence at all.
        assertThat(snapshot.dimensions()).filteredOn(d -> d.name().equals("acknowledgement"))
                .singleElement().satisfies(d -> assertThat(d.evidenceExcerpt()).isEqualTo("I hate him!"));
        assertThat(snapshot.dimensions()).filteredOn(d -> d.name().equals("presence"))
                .singleElement().satisfies(d -> assertThat(d.evidenceExcerpt()).isNull());
        assertThat(snapshot.dimensions()).filteredOn(d -> d.name().equals("listening-balance"))
                .singleElement().satisfies(d -> assertThat(d.evidenceExcerpt()).isEqualTo("That sucks! Just forget it."));
    }

    @Test
    void theDocumentedErasureExampleIsValidAndRead() throws Exception {
        String example = EventContract.example(EventContract.CLIENT_ERASURE_REQUESTED);
        EventContract.assertValid(EventContract.CLIENT_ERASURE_REQUESTED, example);

        ClientErasureRequested erasure = JSON.readValue(example, ClientErasureRequested.class);

        JsonNode expected = JSON.readTree(example);
        assertThat(erasure.clientId()).isEqualTo(expected.path("clientId").asText());
        assertThat(erasure.erasureId()).isEqualTo(expected.path("erasureId").asText());
        assertThat(erasure.requestedAt()).isEqualTo(Instant.parse(expected.path("requestedAt").asText()));
    }

    @Test
    void theDocumentedClientAccessExampleIsValidAndRead() throws Exception {
        String example = EventContract.example(EventContract.CLIENT_ACCESS_CHANGED);
        EventContract.assertValid(EventContract.CLIENT_ACCESS_CHANGED, example);
        ClientAccessChanged read = JSON.readValue(example, ClientAccessChanged.class);
        assertThat(JSON.readTree(JSON.writeValueAsString(read))).isEqualTo(JSON.readTree(example));
    }

    @Test
    void theTextReadsThisServicePublishesMatchTheSchema() throws Exception {
        AccessControl.TextRead read = new AccessControl.TextRead(UUID.randomUUID().toString(), "client-1", "coach-1",
                "acme", Instant.parse("2025-04-02T09:12:05.331Z"), "recommendation:" + UUID.randomUUID(),
                "recommendation-service");
        EventContract.assertValid(EventContract.TEXT_READ, JSON.writeValueAsString(read));
    }

    @Test
    void theDocumentedRecommendationExampleIsValidAndHasExactlyOurFields() throws Exception {
        String example = EventContract.example(EventContract.RECOMMENDATION_CHANGED);
        EventContract.assertValid(EventContract.RECOMMENDATION_CHANGED, example);

        // Round-trips through our record without losing or adding a field.
        RecommendationChanged read = JSON.readValue(example, RecommendationChanged.class);
        assertThat(JSON.readTree(JSON.writeValueAsString(read))).isEqualTo(JSON.readTree(example));
    }

    @Test
    void anOrdinaryIssuedRecommendationMatchesTheSchema() throws Exception {
        Recommendation recommendation = recommendation("lead-on-statements", RecommendationStatus.ACTIVE,
                new Recommendation.Reason("exploration", 10, "Just forget it.",
                        "a0168154-fbb0-3e8b-ba59-12c95de5f405", "Exploration scored 10/100 in this conversation."),
                List.of(), false);

        String json = JSON.writeValueAsString(RecommendationChanged.of("issued", recommendation.issuedAt(),
                recommendation));

        EventContract.assertValid(EventContract.RECOMMENDATION_CHANGED, json);
        assertThat(JSON.readTree(json).path("status").asText()).isEqualTo("active");
    }

    @Test
    void aCrisisRecommendationWithNullReasonFieldsAndAResourceWithoutUrlMatchesTheSchema() throws Exception {
        Recommendation recommendation = recommendation("seek-therapy", RecommendationStatus.SUPERSEDED,
                new Recommendation.Reason(null, null, null, "a0168154-fbb0-3e8b-ba59-12c95de5f405",
                        "Please consider talking to a licensed therapist."),
                List.of(new CrisisResources.Resource("Local emergency services", "Call your local emergency number.",
                        null)), true);

        String json = JSON.writeValueAsString(RecommendationChanged.of("status-changed", recommendation.updatedAt(),
                recommendation));

        EventContract.assertValid(EventContract.RECOMMENDATION_CHANGED, json);
        assertThat(JSON.readTree(json).path("reason").has("dimension")).isTrue();
        assertThat(JSON.readTree(json).path("crisisResources").get(0).has("url")).isTrue();
    }

    @Test
    void changeNamesMapToTheDocumentedCloudEventTypes() {
        assertThat(RecommendationChanged.type("issued")).isEqualTo("attune.recommendation.issued.v1");
        assertThat(RecommendationChanged.type("status-changed")).isEqualTo("attune.recommendation.status-changed.v1");
        assertThat(AttunementScoreComputed.TYPE).isEqualTo("attune.scoring.score-computed.v1");
        assertThat(ClientErasureRequested.TYPE).isEqualTo("attune.journal.client-erasure-requested.v1");
    }

    private static Recommendation recommendation(String exerciseId, RecommendationStatus status,
            Recommendation.Reason reason, List<CrisisResources.Resource> resources, boolean coachAlert) {
        Instant at = Instant.parse("2026-03-01T10:00:00.123Z");
        return new Recommendation("c4e8a2f1-7b6d-4f3a-9e0c-5d1b8a6f2e94", "demo-client-steve", exerciseId, "A title",
                "Do this. Then that.", 5, status, reason, resources, coachAlert, 40.0, at, at, null);
    }
}
