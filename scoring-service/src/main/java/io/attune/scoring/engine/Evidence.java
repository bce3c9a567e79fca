package io.attune.scoring.engine;

/**
 * A span that moved a score.
 *
 * @param turn         index into the conversation turns; for journals {@link #JOURNAL_TEXT} or {@link #EMOTION_TAG}
 * @param start        char offset in that text, inclusive
 * @param end          char offset, exclusive
 * @param text         the span itself ({@code "[redacted]"} for safety matches that name a method)
 * @param signal       stable kebab-case signal name
 * @param effect       signed points applied to the dimension; for safety evidence the severity (1 concern, 2 crisis);
 *                     for a calibrated dimension the contribution in points at mid-scale (25 x contribution)
 * @param contribution only in calibrated dimensions: this feature's exact share of the logit (weight x value);
 *                     null otherwise
 */
public record Evidence(int turn, int start, int end, String text, String signal, int effect, Double contribution) {
    public static final int JOURNAL_TEXT = -1;
    public static final int EMOTION_TAG = -2;

    public Evidence(int turn, int start, int end, String text, String signal, int effect) {
        this(turn, start, end, text, signal, effect, null);
    }
}
