package io.attune.scoring.mapping;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.attune.scoring.engine.Assessment;
import io.attune.scoring.engine.Calibration;
import io.attune.scoring.engine.DimensionScore;
import io.attune.scoring.engine.Evidence;

/**
 * The wire form of an assessment, shared by the synchronous API and the {@code attunement-scores} event so the
 * two can never drift apart. The calibration fields appear only when a calibration model scored the input.
 */
public record AssessmentView(
        String kind,
        Overall overall,
        List<Dimension> dimensions,
        List<KeyMoment> keyMoments,
        Safety safety,
        String scorerVersion) {

    public record Overall(int score, String band,
            @JsonInclude(JsonInclude.Include.NON_NULL) CalibrationView calibration) {
    }

    public record Dimension(String name, int score, List<Span> evidence,
            @JsonInclude(JsonInclude.Include.NON_NULL) CalibrationView calibration) {
    }

    /**
     * {@code logit = baseline + sum of the contributions}; the score is {@code round(100 * sigmoid(logit))}. For
     * the overall score the contributions are listed here; for a dimension they are its evidence.
     */
    public record CalibrationView(double baseline, double logit,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<Span> evidence) {
    }

    public record Span(int turn, int start, int end, String text, String signal, int effect,
            @JsonInclude(JsonInclude.Include.NON_NULL) Double contribution) {
    }

    public record KeyMoment(int turn, String signal, int impact) {
    }

    /**
     * A safety span and who said it: {@code speaker} is the turn's speaker (null for journals, whose writer is the
     * client) and {@code client} whether the client said or wrote it.
     */
    public record SafetySpan(int turn, int start, int end, String text, String signal, int effect, String speaker,
            boolean client) {
    }

    public record Safety(String level, List<String> categories, List<SafetySpan> evidence) {
    }

    public static AssessmentView of(Assessment assessment) {
        Calibration overall = assessment.overallCalibration();
        return new AssessmentView(
                assessment.kind(),
                new Overall(assessment.overallScore(), assessment.band().wireName(), overall == null ? null
                        : new CalibrationView(overall.baseline(), overall.logit(), spans(assessment.overallEvidence()))),
                assessment.dimensions().stream().map(AssessmentView::dimension).toList(),
                assessment.keyMoments().stream()
                        .map(moment -> new KeyMoment(moment.turn(), moment.signal(), moment.impact()))
                        .toList(),
                new Safety(assessment.safety().level().wireName(), assessment.safety().categories(),
                        assessment.safety().evidence().stream()
                                .map(e -> new SafetySpan(e.turn(), e.start(), e.end(), e.text(), e.signal(), e.effect(),
                                        e.speaker(), e.client()))
                                .toList()),
                assessment.scorerVersion());
    }

    private static Dimension dimension(DimensionScore dimension) {
        Calibration c = dimension.calibration();
        return new Dimension(dimension.name(), dimension.score(), spans(dimension.evidence()),
                c == null ? null : new CalibrationView(c.baseline(), c.logit(), null));
    }

    private static List<Span> spans(List<Evidence> evidence) {
        return evidence.stream()
                .map(e -> new Span(e.turn(), e.start(), e.end(), e.text(), e.signal(), e.effect(), e.contribution()))
                .toList();
    }
}
