package io.attune.recommendation.policy;

import java.util.Locale;

/** The human-readable "why" of each pick. Non-diagnostic, and never quoting crisis text. */
public final class PickSummaries {

    static final int MAX_EXCERPT_CHARS = 120;
    private static final String QUOTE_START = " (\"";

    private PickSummaries() {
    }

    /** For example: {@code Acknowledgement scored 20/100 in this conversation ("Just forget it").} */
    static String weakDimension(DimensionReading reading, ScoreSnapshot current) {
        String where = current.isJournal() ? "journal entry" : "conversation";
        StringBuilder text = new StringBuilder()
                .append(label(reading.name())).append(" scored ").append(reading.score()).append("/100 in this ")
                .append(where);
        String excerpt = excerpt(reading.evidenceExcerpt());
        if (excerpt != null) {
            text.append(QUOTE_START).append(excerpt).append("\")");
        }
        return text.append('.').toString();
    }

    /**
     * The summary without the client's words: what {@link #weakDimension} wrote before the quote. Other summaries
     * never quote and come back unchanged.
     */
    public static String withoutQuote(String summary) {
        if (summary == null) {
            return null;
        }
        int quote = summary.indexOf(QUOTE_START);
        return quote < 0 ? summary : summary.substring(0, quote) + ".";
    }

    static String crisis() {
        return "Something in your latest entry sounds very hard to carry alone. Please consider talking to a "
                + "licensed therapist; crisis resources can help right away, at any time of day.";
    }

    static String escalation(Escalation escalation, PolicyThresholds thresholds) {
        if (escalation.byConcern()) {
            return "Some of your recent entries (" + escalation.concernCount() + " of the last "
                    + escalation.windowSize() + ") touched on things that weigh heavily. Consider talking to a "
                    + "licensed therapist, who can help you work through them.";
        }
        return "Your overall score has been below " + thresholds.escalationLowOverall() + " in "
                + escalation.lowCount() + " of your last " + escalation.windowSize() + " entries. Consider "
                + "talking to a licensed therapist, who can help you explore what keeps coming up.";
    }

    /** {@code listening-balance} becomes {@code Listening balance}. */
    static String label(String dimension) {
        String words = dimension.replace('-', ' ').trim();
        if (words.isEmpty()) {
            return words;
        }
        return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }

    private static String excerpt(String evidence) {
        if (evidence == null || evidence.isBlank()) {
            return null;
        }
        String oneLine = evidence.strip().replaceAll("\\s+", " ");
        if (oneLine.length() <= MAX_EXCERPT_CHARS) {
            return oneLine;
        }
        return oneLine.substring(0, MAX_EXCERPT_CHARS - 1).stripTrailing() + "…";
    }
}
