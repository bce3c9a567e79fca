package io.attune.recommendation.rest.dashboard;

import java.util.List;

/** What the dashboard templates show. None of it goes into a URL but client, assessment and alert ids. */
public final class Views {

    private Views() {
    }

    /** One client on the roster. */
    public record RosterRow(String clientId, boolean consent, int openAlerts, boolean stalled, String lastActivity,
            long lastActivityEpoch, String trend, List<String> activeExercises) {

        public String trendClass() {
            return trend.replace(' ', '-');
        }
    }

    public record AlertView(String id, String level, String reason, String raisedAt, String acknowledgedBy,
            String acknowledgedAt) {

        public boolean acknowledged() {
            return acknowledgedBy != null;
        }

        public boolean crisis() {
            return "crisis".equals(level);
        }
    }

    /**
     * A recommendation as the coach may see it. {@code why} is the evidence, or the explanation that the words are
     * hidden; the feedback fields are the client's latest feedback, and {@code history} every feedback step.
     */
    public record RecommendationView(String title, String status, String dimension, Integer score, String why,
            boolean whyHidden, String issuedAt, String updatedAt, String helpful, String note, String feedbackAt,
            String assessmentId, List<String> history) {
    }

    public record AssessmentRow(String id, String date, String kind, int overall, String band, String safety) {
    }

    /** First and latest score of a series, and the change between them. */
    public record Delta(String name, int first, int latest, int change, String direction) {

        public String signed() {
            return change > 0 ? "+" + change : String.valueOf(change);
        }
    }

    public record ClientPage(String clientId, boolean consent, String trend, List<AlertView> alerts,
            List<RecommendationView> recommendations, Trends trends) {
    }

    /** The chart's companions: first-vs-latest per series and the assessments, newest first. */
    public record Trends(List<Delta> deltas, List<AssessmentRow> assessments) {
    }

    /** A piece of the client's words: an evidence chip (with its signals) or plain text between chips. */
    public record Segment(String text, List<String> signals, String tone) {

        public boolean chip() {
            return !signals.isEmpty();
        }
    }

    public record Passage(String label, List<Segment> segments) {
    }

    public record SignalView(String dimension, int score, String signal, int effect) {
    }

    public record DimensionScore(String name, int score) {
    }

    public record MomentView(String where, String signal, int impact) {
    }

    /** {@code fullText}: the passages are the client's whole text from journal-service, not only the quotes. */
    public record AssessmentPage(String clientId, String id, String date, String kind, String context, int overall,
            String band, String safety, boolean textVisible, boolean fullText, List<DimensionScore> dimensions,
            List<MomentView> moments, List<Passage> passages, List<SignalView> signals) {
    }
}
