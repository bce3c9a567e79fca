package io.attune.recommendation.messaging;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Incoming {@code attune.scoring.score-computed.v1} (docs/events/attunement-score-computed.v1.schema.json).
 * Unknown fields are ignored so additive v1 changes don't break this consumer.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AttunementScoreComputed(
        String scoreId,
        String sourceEventId,
        String sourceId,
        Instant sourceRecordedAt,
        String clientId,
        String kind,
        String context,
        String locale,
        Overall overall,
        List<Dimension> dimensions,
        List<KeyMoment> keyMoments,
        Safety safety,
        String scorerVersion,
        Instant scoredAt) {

    public static final String TYPE = "attune.scoring.score-computed.v1";

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Overall(int score, String band) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Dimension(String name, int score, List<Evidence> evidence) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Evidence(int turn, int start, int end, String text, String signal, int effect) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record KeyMoment(int turn, String signal, int impact) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Safety(String level, List<String> categories, List<Evidence> evidence) {
    }
}
