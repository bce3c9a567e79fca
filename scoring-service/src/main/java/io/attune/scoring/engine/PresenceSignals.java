package io.attune.scoring.engine;

import static io.attune.scoring.engine.Dimensions.PRESENCE;

import java.util.Set;

/**
 * Staying with the other person's topic. Distraction ("hold on, texting"), changing the subject and
 * switching to oneself ("anyway, my day...") lower it; lexicon distraction.txt. A turn that closes the
 * topic ("just forget it") is leaving it, and one that dismisses the feeling ("it was just a dog") talks
 * about the topic without being with the person, so neither earns on-topic credit.
 */
final class PresenceSignals implements SignalDetector<ConversationView> {
    static final int DISTRACTION = -30;
    static final int SUBJECT_CHANGE = -25;
    static final int SELF_SWITCH = -20;
    /** "I'm out right now, call you tomorrow?": the bid is put off, not ignored. */
    static final int UNAVAILABLE = -15;
    static final int OFF_TOPIC_QUESTION = -15;
    static final int SELF_FOCUS = -15;
    static final int ON_TOPIC = 10;
    private static final Set<String> SELF = Set.of("i", "me", "my", "mine", "myself");
    private static final Set<String> OTHER = Set.of("you", "your", "yours", "yourself", "he", "she", "him", "her",
        "they", "them");

    @Override
    public void detect(ConversationView view, ScoreSheet sheet) {
        for (int i = 0; i < view.size(); i++) {
            if (!view.client[i]) {
                continue;
            }
            AnalyzedText reply = view.turns[i];
            boolean strayed = false;
            for (PhraseMatch m : reply.matches(LexiconGroup.DISTRACTION)) {
                sheet.addRepeated(PRESENCE, reply, i, m, m.signal(), weight(m.signal()));
                strayed = true;
            }
            boolean hasContext = view.bid[i] >= 0 || !view.topicBefore(i).isEmpty();
            // a question already caught by distraction.txt is not penalised twice
            for (QuestionDetector.Question q : view.questions(i)) {
                if (hasContext && !view.isDisguised(i, q) && !view.strays(i, q) && !view.isRelevant(i, q)) {
                    sheet.add(PRESENCE, reply.sentence(i, q.sentence(), "off-topic-question",
                        sheet.repeated(PRESENCE, "off-topic-question", OFF_TOPIC_QUESTION)));
                    strayed = true;
                }
            }
            if (selfFocused(reply.tokens)) {
                sheet.add(PRESENCE, reply.wholeText(i, "self-focus", sheet.repeated(PRESENCE, "self-focus", SELF_FOCUS)));
                strayed = true;
            }
            if (!strayed && view.bid[i] >= 0 && !view.closes(i) && !view.dismisses(i)) {
                TokenizedText t = reply.tokens;
                int at = view.contentWords.firstOverlap(t, 0, t.size, view.topicBefore(i));
                if (at < 0) {
                    at = view.contentWords.firstAnaphor(t, 0, t.size);
                }
                if (at >= 0) {
                    sheet.add(PRESENCE, new Evidence(i, t.start[at], t.end[at], t.text.substring(t.start[at], t.end[at]),
                        "on-topic", sheet.repeated(PRESENCE, "on-topic", ON_TOPIC)));
                }
            }
        }
    }

    /** Mostly about oneself: at least four self-references and twice as many as references to others. */
    private static boolean selfFocused(TokenizedText t) {
        int self = 0;
        int other = 0;
        for (int k = 0; k < t.size; k++) {
            if (SELF.contains(t.tokens[k])) {
                self++;
            } else if (OTHER.contains(t.tokens[k])) {
                other++;
            }
        }
        return self >= 4 && self >= 2 * (other + 1);
    }

    private static int weight(String signal) {
        return switch (signal) {
            case "distraction" -> DISTRACTION;
            case "subject-change" -> SUBJECT_CHANGE;
            case "self-switch" -> SELF_SWITCH;
            case "unavailable" -> UNAVAILABLE;
            default -> throw new IllegalStateException("distraction lexicon has unknown signal " + signal);
        };
    }
}
