package io.attune.scoring.engine;

import java.util.List;

/**
 * The result for one input. {@code overallCalibration} and {@code overallEvidence} are set only when a calibration
 * model scored the overall label; otherwise the overall score is the weighted mean of the dimensions.
 */
public record Assessment(String kind, int overallScore, Band band, List<DimensionScore> dimensions,
                         List<KeyMoment> keyMoments, Safety safety, String scorerVersion,
                         Calibration overallCalibration, List<Evidence> overallEvidence) {

    public Assessment(String kind, int overallScore, Band band, List<DimensionScore> dimensions,
                      List<KeyMoment> keyMoments, Safety safety, String scorerVersion) {
        this(kind, overallScore, band, dimensions, keyMoments, safety, scorerVersion, null, List.of());
    }
}
