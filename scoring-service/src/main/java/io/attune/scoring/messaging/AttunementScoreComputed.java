package io.attune.scoring.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.attune.scoring.mapping.AssessmentView;

/**
 * Outgoing {@code attune.scoring.score-computed.v1} on {@code attunement-scores}
 * (docs/events/attunement-score-computed.v1.schema.json). Evidence carries matched spans only.
 * {@code sourceRecordedAt} lets recommendation-service drop a score for material recorded before an erasure.
 */
public record AttunementScoreComputed(
        String scoreId,
        String sourceEventId,
        String sourceId,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant sourceRecordedAt,
        String clientId,
        String kind,
        String context,
        String locale,
        AssessmentView.Overall overall,
        List<AssessmentView.Dimension> dimensions,
        List<AssessmentView.KeyMoment> keyMoments,
        AssessmentView.Safety safety,
        String scorerVersion,
        Instant scoredAt) {

    public static final String TYPE = "attune.scoring.score-computed.v1";
    public static final String DATASCHEMA = "https://attune.io/schemas/attunement-score-computed.v1.schema.json";

    /** Same source event and scorer version, same id: a redelivered input yields the same event. */
    public static String scoreId(String sourceEventId, String scorerVersion) {
        return UUID.nameUUIDFromBytes((sourceEventId + "|" + scorerVersion).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    static AttunementScoreComputed of(String sourceEventId, String sourceId, Instant sourceRecordedAt,
            String clientId, String context, String locale, AssessmentView view, Instant scoredAt) {
        return new AttunementScoreComputed(scoreId(sourceEventId, view.scorerVersion()), sourceEventId, sourceId,
                sourceRecordedAt, clientId, view.kind(), context, locale, view.overall(), view.dimensions(), view.keyMoments(),
                view.safety(), view.scorerVersion(), scoredAt);
    }
}
