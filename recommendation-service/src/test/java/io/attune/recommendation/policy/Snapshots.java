package io.attune.recommendation.policy;

import java.time.Instant;
import java.util.List;

/** Terse builders for test snapshots. */
final class Snapshots {

    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    private Snapshots() {
    }

    static DimensionReading reading(String name, int score, String evidence) {
        return new DimensionReading(name, score, evidence);
    }

    static DimensionReading reading(String name, int score) {
        return new DimensionReading(name, score, null);
    }

    static ScoreSnapshot conversation(String id, String context, int overall, String safety,
                                      DimensionReading... dimensions) {
        return new ScoreSnapshot(id, "conversation", context, overall, band(overall), List.of(dimensions), safety,
                NOW);
    }

    static ScoreSnapshot journal(String id, int overall, String safety, DimensionReading... dimensions) {
        return new ScoreSnapshot(id, "journal", "self", overall, band(overall), List.of(dimensions), safety, NOW);
    }

    static ScoreSnapshot past(String id, int overall) {
        return past(id, overall, "none");
    }

    /** Only the overall score and safety level matter, as for escalation history. */
    static ScoreSnapshot past(String id, int overall, String safety) {
        return new ScoreSnapshot(id, "journal", "self", overall, band(overall), List.of(), safety, NOW);
    }

    private static String band(int overall) {
        return overall >= 70 ? "attuned" : overall >= 40 ? "partly attuned" : "misattuned";
    }
}
