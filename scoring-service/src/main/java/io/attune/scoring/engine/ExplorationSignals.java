package io.attune.scoring.engine;

import static io.attune.scoring.engine.Dimensions.EXPLORATION;

import java.util.List;

/**
 * Lead-on statements ("tell me more", lexicon lead-on.txt) promote exploration; closing comments ("just
 * forget it", lexicon closing-comments.txt) inhibit it. Closing comments are not negation-checked: they
 * usually carry their own "don't" ("don't worry about it"). A turn that closes the topic earns nothing for
 * its lead-ons: "just forget it, what else is on your list?" moves on, it does not invite. Advice or a plan
 * with no invitation after it ("have you tried X?", "let's just make sure...") settles the matter instead of
 * opening it.
 */
final class ExplorationSignals implements SignalDetector<ConversationView> {
    static final int LEAD_ON = 25;
    static final int CLOSING_COMMENT = -30;
    static final int OPEN_QUESTION_INVITES = 10;
    /** Advice or a plan that is not followed by an invitation settles the matter instead of opening it. */
    static final int PREMATURE_SOLUTION = -15;

    @Override
    public void detect(ConversationView view, ScoreSheet sheet) {
        for (int i = 0; i < view.size(); i++) {
            if (!view.client[i]) {
                continue;
            }
            AnalyzedText reply = view.turns[i];
            boolean closing = view.closes(i);
            for (PhraseMatch m : reply.matches(LexiconGroup.LEAD_ON)) {
                if (!reply.negated(m) && !closing) {
                    sheet.addRepeated(EXPLORATION, reply, i, m, "lead-on", LEAD_ON);
                }
            }
            for (PhraseMatch m : reply.matches(LexiconGroup.CLOSING_COMMENTS)) {
                if (m.signal().equals(ConversationView.NOT_CLOSING)) {
                    continue;
                }
                sheet.addRepeated(EXPLORATION, reply, i, m, "closing-comment", CLOSING_COMMENT);
            }
            int lastInvitation = -1;
            for (PhraseMatch m : reply.matches(LexiconGroup.LEAD_ON)) {
                if (!reply.negated(m)) {
                    lastInvitation = Math.max(lastInvitation, m.from());
                }
            }
            boolean invited = false;
            for (QuestionDetector.Question q : view.questions(i)) {
                if (!view.isDisguised(i, q) && !view.strays(i, q)) {
                    lastInvitation = Math.max(lastInvitation, q.from());
                }
                if (!invited && !closing && q.open() && !view.isDisguised(i, q) && view.isRelevant(i, q)
                    && view.bid[i] >= 0) {
                    sheet.add(EXPLORATION, reply.sentence(i, q.sentence(), "open-question-invites",
                        sheet.repeated(EXPLORATION, "open-question-invites", OPEN_QUESTION_INVITES)));
                    invited = true;
                }
            }
            List<PhraseMatch> advice = view.advice(i);
            if (!advice.isEmpty() && !closing && advice.get(advice.size() - 1).from() > lastInvitation) {
                PhraseMatch first = advice.get(0);
                sheet.addRepeated(EXPLORATION, reply, i, first, "premature-solution", PREMATURE_SOLUTION);
            }
        }
    }
}
