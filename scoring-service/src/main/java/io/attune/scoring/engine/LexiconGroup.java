package io.attune.scoring.engine;

/**
 * One lexicon file per group under {@code src/main/resources/io/attune/scoring/engine/}. Inside a file,
 * {@code [signal-name]} sections name the signal each phrase raises.
 */
enum LexiconGroup {
    ACKNOWLEDGEMENT("acknowledgement"),
    INVALIDATION("invalidation"),
    FEELING_NAMING("feeling-naming"),
    CLOSING_COMMENTS("closing-comments"),
    LEAD_ON("lead-on"),
    DISTRACTION("distraction"),
    ADVICE("advice"),
    EMOTIONS("emotions"),
    EMOTIONAL_EVENTS("emotional-events"),
    SELF_TALK("self-talk"),
    ACCEPTANCE("acceptance"),
    MINDFULNESS("mindfulness"),
    FOCUS("focus"),
    TRIGGERS("triggers");

    final String fileName;

    LexiconGroup(String baseName) {
        this.fileName = baseName + ".txt";
    }
}
