package io.attune.scoring.engine;

import java.util.List;

public record Safety(SafetyLevel level, List<String> categories, List<SafetyEvidence> evidence) {}
