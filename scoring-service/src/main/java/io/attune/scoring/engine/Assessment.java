package io.attune.scoring.engine;

import java.util.List;

public record Assessment(String kind, int overallScore, Band band, List<DimensionScore> dimensions,
                         List<KeyMoment> keyMoments, Safety safety, String scorerVersion) {}
