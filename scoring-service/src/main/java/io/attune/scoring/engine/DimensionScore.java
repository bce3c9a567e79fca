package io.attune.scoring.engine;

import java.util.List;

/** Score 0-100: the dimension baseline plus the effects of its evidence, clamped. */
public record DimensionScore(String name, int score, List<Evidence> evidence) {}
