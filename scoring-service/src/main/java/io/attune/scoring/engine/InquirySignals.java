package io.attune.scoring.engine;

import static io.attune.scoring.engine.Dimensions.INQUIRY;

/**
 * Questions that refer to what the other person said. Open ones weigh double; questions about something
 * else count against; never asking after a feeling was shared costs once per conversation. Questions in a
 * turn that closes the topic ("forget it, what else?") earn nothing.
 */
final class InquirySignals implements SignalDetector<ConversationView> {
    static final int OPEN_QUESTION = 25;
    static final int CLOSED_QUESTION = 12;
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
            for (QuestionDetector.Question q : view.questions(i)) {
                if (view.isDisguised(i, q) || view.closes(i)) {
                    continue;
                }
                AnalyzedText reply = view.turns[i];
                if (view.bid[i] < 0 && view.topicBefore(i).isEmpty()) {
                    continue; // the client opens the conversation: nothing to be relevant to yet
                }
                if (view.isRelevant(i, q)) {
                    askedRelevant = true;
                    String signal = q.open() ? "open-question" : "closed-question";
                    int base = q.open() ? OPEN_QUESTION : CLOSED_QUESTION;
                    sheet.add(INQUIRY, reply.sentence(i, q.sentence(), signal, sheet.repeated(INQUIRY, signal, base)));
                } else {
                    sheet.add(INQUIRY, reply.sentence(i, q.sentence(), "off-topic-question",
                        sheet.repeated(INQUIRY, "off-topic-question", OFF_TOPIC_QUESTION)));
                }
            }
        }
        if (!askedRelevant && firstFeelingReply >= 0) {
            sheet.add(INQUIRY, view.turns[firstFeelingReply].wholeText(firstFeelingReply, "no-question", NO_QUESTION));
        }
    }
}
