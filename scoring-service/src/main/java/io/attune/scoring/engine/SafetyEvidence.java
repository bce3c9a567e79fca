package io.attune.scoring.engine;

/**
 * A span that raised the safety level, and who said it. A crisis voiced by the other person in a
 * conversation (a partner saying they want to die) matters as much as the client's own words, so the
 * coach must see whose words they are.
 *
 * @param turn    index into the conversation turns; for journals {@link Evidence#JOURNAL_TEXT} or
 *                {@link Evidence#EMOTION_TAG}
 * @param start   char offset in that text, inclusive
 * @param end     char offset, exclusive
 * @param text    the span itself, or {@code "[redacted]"} when it names a method
 * @param signal  the category, e.g. {@code suicidal-ideation}
 * @param effect  severity: 1 concern, 2 crisis
 * @param speaker the turn's speaker; null for a journal (its writer is the client)
 * @param client  whether the client said or wrote it
 */
public record SafetyEvidence(int turn, int start, int end, String text, String signal, int effect, String speaker,
                             boolean client) {

    /** The span without the speaker, in the form every other evidence takes. */
    public Evidence span() {
        return new Evidence(turn, start, end, text, signal, effect);
    }
}
