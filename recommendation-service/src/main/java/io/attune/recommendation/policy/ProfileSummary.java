package io.attune.recommendation.policy;

import java.util.List;

/**
 * Rolling statistics for a client's dashboard.
 *
 * @param overall     the overall score; null when there is no history
 * @param dimensions  one entry per dimension seen, sorted by name
 */
public record ProfileSummary(int window, DimensionProfile overall, List<DimensionProfile> dimensions) {

    public ProfileSummary {
        dimensions = List.copyOf(dimensions);
    }
}
