package io.attune.scoring.engine;

import static io.attune.scoring.engine.Dimensions.INQUIRY;

/**
 * Curiosity about the other person. Every real question counts; open ones (what/how/why, "tell me...")
 * weigh more than closed ones, and questions that refer to what the other said weigh more than questions
 * that do not show the link. Invitations without a question mark ("I wonder what...", "tell me more")
 * count too. A question that opens with advice, a dismissal or a rhetorical agreement ("have you tried...?",
 * "what did you do this time?") is barely a question; one that changes the subject counts against; never
 * asking after a feeling was shared costs once per conversation. Questions in a turn that closes the
 * topic ("forget it, what else?") earn nothing.
 */
final class InquirySignals implements SignalDetector<ConversationView> {
    static final int OPEN_QUESTION = 25;
    static final int UNLINKED_OPEN_QUESTION = 18;
    static final int CLOSED_QUESTION = 15;
    static final int UNLINKED_CLOSED_QUESTION = 10;
    static final int INVITATION = 15;
    static final int LEADING_QUESTION = 5;
    static final int OFF_TOPIC_QUESTION = -10;
    static final int NO_QUESTION = -10;

    @Override
    public void detect(ConversationView view, ScoreSheet sheet) {
        boolean askedRelevant = false;
        int firstFeelingReply = -1;
        for (int i = 0; i < view.size(); i++) {
            if (!view.client[i]) {
                continue;
            }
            if (firstFeelingReply < 0 && view.bid[i] >= 0 && view.hasFeeling(view.bid[i])) {
                firstFeelingReply = i;
            }
            if (view.closes(i)) {
                continue;
            }
            AnalyzedText reply = view.turns[i];
            boolean hasContext = view.bid[i] >= 0 || !view.topicBefore(i).isEmpty();
            long asked = 0; // bit per sentence that holds a question, for invitations below
            for (QuestionDetector.Question q : view.questions(i)) {
                asked |= 1L << Math.min(q.sentence(), 63);
                String signal;
                int base;
                if (view.strays(i, q)) {
                    signal = "off-topic-question";
                    base = OFF_TOPIC_QUESTION;
                } else if (view.isDisguised(i, q)) {
                    signal = "leading-question";
                    base = LEADING_QUESTION;
                } else if (hasContext && view.isRelevant(i, q)) {
                    askedRelevant = true;
                    signal = q.open() ? "open-question" : "closed-question";
                    base = q.open() ? OPEN_QUESTION : CLOSED_QUESTION;
                } else {
                    signal = q.open() ? "unlinked-open-question" : "unlinked-closed-question";
                    base = q.open() ? UNLINKED_OPEN_QUESTION : UNLINKED_CLOSED_QUESTION;
                }
                sheet.add(INQUIRY, reply.sentence(i, q.sentence(), signal, sheet.repeated(INQUIRY, signal, base)));
            }
            for (PhraseMatch m : reply.matches(LexiconGroup.LEAD_ON)) {
                int sentence = reply.tokens.sentence[m.from()];
                if (!reply.negated(m) && (asked & (1L << Math.min(sentence, 63))) == 0) {
                    askedRelevant = true;
                    sheet.addRepeated(INQUIRY, reply, i, m, "invitation", INVITATION);
                }
            }
        }
        if (!askedRelevant && firstFeelingReply >= 0) {
            sheet.add(INQUIRY, view.turns[firstFeelingReply].wholeText(firstFeelingReply, "no-question", NO_QUESTION));
        }
    }
}
