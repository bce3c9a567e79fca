package io.attune.journal;

import io.attune.chassis.text.Text;

/** One turn of a conversation sample. */
public record Turn(
        @Text(max = 40) String speaker,
        @Text(max = Turn.MAX_TEXT_LENGTH) String text) {

    /** Longest single turn, in characters; part of the API and event contract. */
    public static final int MAX_TEXT_LENGTH = 2000;

    @Override
    public String toString() {
        return "Turn[speaker=" + speaker + "]";
    }
}
