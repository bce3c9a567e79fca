package io.attune.scoring.engine;

import static io.attune.scoring.engine.Dimensions.ACKNOWLEDGEMENT;

/**
 * Validation, sympathy, emotional reaction and support in the client's replies (acknowledgement.txt);
 * invalidating, minimising or brushing past the feeling lowers it (invalidation.txt), and so does silence
 * about a stated feeling. Length earns nothing: only phrases that do the work count, and within one
 * sentence only the strongest ("That's so hard, I'm sorry" is one acknowledgement, not two).
 */
final class AcknowledgementSignals implements SignalDetector<ConversationView> {
    static final int VALIDATION = 25;
    static final int SUPPORT = 20;
    static final int AGREEMENT = 15;
    static final int SYMPATHY = 20;
    /** "oh no", "ugh", "wow": a reaction, not yet a sign of understanding. */
    static final int SYMPATHY_INTERJECTION = 10;
    /** Saying their feeling word back ("nightmares are scary") acknowledges it. */
    static final int ECHOED_FEELING = 15;
    static final int CELEBRATION = 20;
    static final int NAMED_FEELING = 15;
    static final int INVALIDATION = -30;
    /** "It was just a dog", "at least...": shrinking the loss is as misattuned as calling the feeling wrong. */
    static final int MINIMISING = -30;
    /** "You'll be fine": kindly meant, but it steps past the feeling. */
    static final int REASSURANCE = -15;
    static final int UNACKNOWLEDGED_FEELING = -20;
    /** A relevant question or lead-on is at least engagement, so the silence costs less. */
    static final int UNACKNOWLEDGED_BUT_ENGAGED = -10;

    @Override
    public void detect(ConversationView view, ScoreSheet sheet) {
        for (int i = 0; i < view.size(); i++) {
            if (!view.client[i]) {
                continue;
            }
            AnalyzedText reply = view.turns[i];
            boolean acknowledged = !view.reflections(i).isEmpty() || sharesExperience(reply);
            boolean closing = view.closes(i);
            PhraseMatch strongest = null;
            for (PhraseMatch m : reply.matches(LexiconGroup.ACKNOWLEDGEMENT)) {
                if (reply.negated(m)) {
                    continue; // "I don't understand" is not validation
                }
                if (closing && m.signal().equals("sympathy-interjection")) {
                    continue; // "That sucks! Just forget it.": the reaction only clears the way for moving on
                }
                if (strongest != null && reply.tokens.sentence[strongest.from()] != reply.tokens.sentence[m.from()]) {
                    sheet.addRepeated(ACKNOWLEDGEMENT, reply, i, strongest, strongest.signal(), weight(strongest.signal()));
                    strongest = null;
                }
                if (strongest == null || weight(m.signal()) > weight(strongest.signal())) {
                    strongest = m;
                }
                acknowledged = true;
            }
            if (strongest != null) {
                sheet.addRepeated(ACKNOWLEDGEMENT, reply, i, strongest, strongest.signal(), weight(strongest.signal()));
            }
            for (ConversationView.NamedFeeling f : view.namedFeelings(i)) {
                sheet.add(ACKNOWLEDGEMENT, view.evidence(i, f, "named-feeling",
                    sheet.repeated(ACKNOWLEDGEMENT, "named-feeling", NAMED_FEELING)));
                acknowledged = true;
            }
            for (PhraseMatch m : reply.matches(LexiconGroup.INVALIDATION)) {
                if (!reply.negated(m)) { // "it's not your fault" is validation, not blame
                    sheet.addRepeated(ACKNOWLEDGEMENT, reply, i, m, m.signal(), weight(m.signal()));
                }
            }
            int bid = view.bid[i];
            PhraseMatch echo = bid >= 0 && !acknowledged ? echoedFeeling(view, i) : null;
            if (echo != null) {
                sheet.addRepeated(ACKNOWLEDGEMENT, reply, i, echo, "echoed-feeling", ECHOED_FEELING);
                acknowledged = true;
            }
            if (bid >= 0 && view.hasFeeling(bid) && !acknowledged) {
                boolean engaged = view.hasRelevantQuestion(i) || reply.firstAffirmed(LexiconGroup.LEAD_ON) != null;
                sheet.add(ACKNOWLEDGEMENT, reply.wholeText(i, "unacknowledged-feeling",
                    engaged ? UNACKNOWLEDGED_BUT_ENGAGED : UNACKNOWLEDGED_FEELING));
            }
        }
    }

    private static boolean sharesExperience(AnalyzedText reply) {
        for (PhraseMatch m : reply.matches(LexiconGroup.FEELING_NAMING)) {
            if (m.signal().equals(ConversationView.SHARED_EXPERIENCE) && !reply.negated(m)) {
                return true;
            }
        }
        return false;
    }

    /** Reusing the other person's own feeling word is an acknowledgement of it. */
    private static PhraseMatch echoedFeeling(ConversationView view, int turn) {
        int bid = view.bid[turn];
        for (PhraseMatch mine : view.feelings(turn)) {
            if (view.turns[turn].negated(mine) || mine.affect().generic()
                || ConversationView.dismissiveSentence(view.turns[turn], mine.from())) {
                continue;
            }
            for (PhraseMatch theirs : view.feelings(bid)) {
                if (mine.affect().family().equals(theirs.affect().family())) {
                    return mine;
                }
            }
        }
        return null;
    }

    private static int weight(String signal) {
        return switch (signal) {
            case "validation" -> VALIDATION;
            case "support" -> SUPPORT;
            case "agreement" -> AGREEMENT;
            case "sympathy" -> SYMPATHY;
            case "sympathy-interjection" -> SYMPATHY_INTERJECTION;
            case "celebration" -> CELEBRATION;
            case "invalidation" -> INVALIDATION;
            case "minimising" -> MINIMISING;
            case "reassurance" -> REASSURANCE;
            default -> throw new IllegalStateException("acknowledgement lexicons have unknown signal " + signal);
        };
    }
}
