package io.attune.scoring.engine;

import static io.attune.scoring.engine.Dimensions.LISTENING_BALANCE;

import java.util.Set;

/**
 * Who does the talking, and whether the client listens before fixing. The client's share of the words,
 * monologues, interruptions, and advice (lexicon advice.txt): advice given before any acknowledgement,
 * reflection, question or lead-on costs most; advice after them still costs a little, because raters
 * contrast attuned listening with giving suggestions.
 */
final class ListeningBalanceSignals implements SignalDetector<ConversationView> {
    static final int OTHER_LEADS = 15;
    static final int BALANCED_TALK = 5;
    static final int CLIENT_TALKS_MORE = -10;
    static final int CLIENT_DOMINATES = -25;
    static final int MONOLOGUE = -15;
    /** A reply this short cannot dominate, even to a one-line bid. */
    static final int SHORT_REPLY_WORDS = 25;
    static final int MONOLOGUE_WORDS = 60;
    static final int INTERRUPTION = -15;
    static final int ADVICE_BEFORE_UNDERSTANDING = -25;
    static final int ADVICE = -10;

    @Override
    public void detect(ConversationView view, ScoreSheet sheet) {
        talkShare(view, sheet);
        boolean understood = false;
        for (int i = 0; i < view.size(); i++) {
            if (!view.client[i]) {
                continue;
            }
            AnalyzedText reply = view.turns[i];
            int words = reply.tokens.wordCount();
            int bid = view.bid[i];
            if (words > MONOLOGUE_WORDS && (bid < 0 || words > 2 * view.turns[bid].tokens.wordCount())) {
                sheet.add(LISTENING_BALANCE, reply.wholeText(i, "monologue", MONOLOGUE));
            }
            if (i > 0 && !view.client[i - 1] && cutOff(view.sample.turns().get(i - 1).text())) {
                sheet.add(LISTENING_BALANCE, reply.wholeText(i, "interruption", INTERRUPTION));
            }
            int understandingAt = firstUnderstanding(view, i);
            for (PhraseMatch advice : view.advice(i)) {
                if (!understood && (understandingAt < 0 || understandingAt > advice.from())) {
                    sheet.addRepeated(LISTENING_BALANCE, reply, i, advice, "advice-before-understanding",
                        ADVICE_BEFORE_UNDERSTANDING);
                } else {
                    sheet.addRepeated(LISTENING_BALANCE, reply, i, advice, "advice", ADVICE);
                }
            }
            understood |= understandingAt >= 0;
        }
    }

    private static void talkShare(ConversationView view, ScoreSheet sheet) {
        int clientWords = 0;
        int otherWords = 0;
        int longest = -1;
        int longestWords = -1;
        for (int i = 0; i < view.size(); i++) {
            int w = view.turns[i].tokens.wordCount();
            if (view.client[i]) {
                clientWords += w;
                if (w > longestWords) {
                    longestWords = w;
                    longest = i;
                }
            } else {
                otherWords += w;
            }
        }
        if (clientWords == 0 || otherWords == 0) {
            return; // one speaker only: there is no balance to judge
        }
        double share = clientWords / (double) (clientWords + otherWords);
        String signal;
        int effect;
        if (share <= 0.4) {
            signal = "other-leads";
            effect = OTHER_LEADS;
        } else if (share <= 0.55 || clientWords < SHORT_REPLY_WORDS) {
            signal = "balanced-talk";
            effect = BALANCED_TALK;
        } else if (share <= 0.7) {
            signal = "client-talks-more";
            effect = CLIENT_TALKS_MORE;
        } else {
            signal = "client-dominates";
            effect = CLIENT_DOMINATES;
        }
        sheet.add(LISTENING_BALANCE, view.turns[longest].wholeText(longest, signal, effect));
    }

    /** Acknowledgement signals that show understanding; a bare "oh no" or "I'm sorry" does not yet. */
    private static final Set<String> UNDERSTANDING = Set.of("validation", "support");

    /** Token index of the first validation, support, reflection, named feeling, lead-on or relevant question, or -1. */
    private static int firstUnderstanding(ConversationView view, int turn) {
        AnalyzedText reply = view.turns[turn];
        int first = Integer.MAX_VALUE;
        for (PhraseMatch ack : reply.matches(LexiconGroup.ACKNOWLEDGEMENT)) {
            if (UNDERSTANDING.contains(ack.signal()) && !reply.negated(ack)) {
                first = Math.min(first, ack.from());
                break;
            }
        }
        for (PhraseMatch r : view.reflections(turn)) {
            first = Math.min(first, r.from());
        }
        PhraseMatch lead = reply.firstAffirmed(LexiconGroup.LEAD_ON);
        if (lead != null) {
            first = Math.min(first, lead.from());
        }
        for (ConversationView.NamedFeeling f : view.namedFeelings(turn)) {
            first = Math.min(first, f.from());
        }
        for (QuestionDetector.Question q : view.questions(turn)) {
            if (!view.isDisguised(turn, q) && view.isRelevant(turn, q)) {
                first = Math.min(first, q.from());
            }
        }
        return first == Integer.MAX_VALUE ? -1 : first;
    }

    private static boolean cutOff(String text) {
        String t = text.strip();
        return t.endsWith("-") || t.endsWith("\u2014") || t.endsWith("\u2013") || t.endsWith("...")
            || t.endsWith("\u2026");
    }
}
