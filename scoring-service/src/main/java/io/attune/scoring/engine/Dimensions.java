package io.attune.scoring.engine;

import java.util.List;

/** Dimension names and their weights in the overall score (weights sum to 1). */
final class Dimensions {
    static final String ACKNOWLEDGEMENT = "acknowledgement";
    static final String MIRRORING = "mirroring";
    static final String INQUIRY = "inquiry";
    static final String EXPLORATION = "exploration";
    static final String PRESENCE = "presence";
    static final String LISTENING_BALANCE = "listening-balance";

    static final String EMOTIONAL_AWARENESS = "emotional-awareness";
    static final String TRIGGER_INSIGHT = "trigger-insight";
    static final String SELF_COMPASSION = "self-compassion";
    static final String ACCEPTANCE = "acceptance";
    static final String MINDFULNESS = "mindfulness";
    static final String FOCUS = "focus";

    static final List<String> CONVERSATION = List.of(ACKNOWLEDGEMENT, MIRRORING, INQUIRY, EXPLORATION, PRESENCE,
        LISTENING_BALANCE);
    /**
     * Acknowledgement and mirroring carry the source's definition of attunement, so they weigh most; talk
     * share is the noisiest signal on short samples, so it weighs least.
     */
    static final double[] CONVERSATION_WEIGHTS = {0.25, 0.20, 0.15, 0.15, 0.15, 0.10};

    static final List<String> JOURNAL = List.of(EMOTIONAL_AWARENESS, TRIGGER_INSIGHT, SELF_COMPASSION, ACCEPTANCE,
        MINDFULNESS, FOCUS);
    static final double[] JOURNAL_WEIGHTS = {0.25, 0.15, 0.20, 0.20, 0.10, 0.10};

    private Dimensions() {
    }
}
