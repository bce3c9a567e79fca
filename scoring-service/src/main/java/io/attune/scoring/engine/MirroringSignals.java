package io.attune.scoring.engine;

import static io.attune.scoring.engine.Dimensions.MIRRORING;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Mirroring: naming the other's feeling back, reflecting what they said ("it sounds like...", "so you're
 * saying...", "I know how much you loved her"), restating their own content words, reusing their affect
 * word or its family (hate, angry, furious all belong to anger), and matching the loudness of the bid.
 * Flat replies and cheerful words after bad news lower it.
 */
final class MirroringSignals implements SignalDetector<ConversationView> {
    static final int FEELING_NAMED = 30;
    static final int REFLECTION = 25;
    /** "I've been there": a matched experience shows the feeling was understood, less directly than a reflection. */
    static final int SHARED_EXPERIENCE = 15;
    /** "I understand", "I hear you": understanding claimed rather than shown, so it counts least. */
    static final int UNDERSTANDING = 10;
    /** A statement that says back the bid's own content ("two months of work, gone"). */
    static final int RESTATED_CONTENT = 15;
    /** Content words shared with the bid that make a sentence a restatement, or one for a "you ..." sentence. */
    static final int RESTATEMENT_OVERLAP = 2;
    static final int AFFECT_WORD_ECHO = 25;
    static final int AFFECT_FAMILY_ECHO = 25;
    static final int VALENCE_MATCH = 10;
    static final int MISMATCHED_TONE = -20;
    static final int MODULATED_RESPONSE = 10;
    static final int FLAT_RESPONSE = -25;
    static final int UNMIRRORED_FEELING = -10;
    /** A bid this loud (exclamations, strong words, intensifiers) deserves a matching reply. */
    static final int LOUD_BID = 2;
    /** Families whose words jar after bad news: laughter and cheer, not love or pride in the person. */
    private static final Set<String> CHEERFUL = Set.of("amusement", "generic-cheer");
    private static final Set<String> INTENSIFIERS = Set.of("so", "really", "very", "totally", "absolutely",
        "such", "completely", "incredibly", "awful", "terrible");

    @Override
    public void detect(ConversationView view, ScoreSheet sheet) {
        for (int i = 0; i < view.size(); i++) {
            int bid = view.bid[i];
            if (!view.client[i] || bid < 0) {
                continue;
            }
            AnalyzedText reply = view.turns[i];
            boolean mirrored = false;
            for (ConversationView.NamedFeeling f : view.namedFeelings(i)) {
                sheet.add(MIRRORING, view.evidence(i, f, "feeling-named",
                    sheet.repeated(MIRRORING, "feeling-named", FEELING_NAMED)));
                mirrored = true;
            }
            for (PhraseMatch m : view.reflections(i)) {
                sheet.addRepeated(MIRRORING, reply, i, m, "reflection", REFLECTION);
                mirrored = true;
            }
            for (PhraseMatch m : reply.matches(LexiconGroup.FEELING_NAMING)) {
                if (reply.negated(m)) {
                    continue;
                }
                if (m.signal().equals(ConversationView.SHARED_EXPERIENCE)) {
                    sheet.addRepeated(MIRRORING, reply, i, m, "shared-experience", SHARED_EXPERIENCE);
                    mirrored = true;
                } else if (m.signal().equals(ConversationView.UNDERSTANDING)) {
                    sheet.addRepeated(MIRRORING, reply, i, m, "understanding", UNDERSTANDING);
                    mirrored = true;
                }
            }
            mirrored |= restatement(view, i, sheet);
            Set<String> theirWords = new HashSet<>();
            Set<String> theirFamilies = new HashSet<>();
            for (PhraseMatch m : view.feelings(bid)) {
                theirWords.add(view.turns[bid].span(m).toLowerCase(Locale.ROOT));
                theirFamilies.add(m.affect().family());
            }
            boolean bidNegative = view.negativeBid(bid);
            boolean bidHasFeeling = view.hasFeeling(bid);
            for (PhraseMatch m : view.feelings(i)) {
                if (reply.negated(m) || view.insideNamedFeeling(i, m)
                    || ConversationView.dismissiveSentence(reply, m.from())) {
                    continue;
                }
                boolean cheer = CHEERFUL.contains(m.affect().family());
                if (cheer && bidNegative) {
                    sheet.addRepeated(MIRRORING, reply, i, m, "mismatched-tone", MISMATCHED_TONE);
                    continue; // "lol", "cool", "great" after bad news
                }
                if (m.affect().generic() && !(cheer && bidHasFeeling)) {
                    continue; // "ok", "that sucks": too vague to mirror anything
                }
                String word = reply.span(m).toLowerCase(Locale.ROOT);
                if (theirWords.contains(word)) {
                    sheet.addRepeated(MIRRORING, reply, i, m, "affect-word-echo", AFFECT_WORD_ECHO);
                    mirrored = true;
                } else if (theirFamilies.contains(m.affect().family())) {
                    sheet.addRepeated(MIRRORING, reply, i, m, "affect-family-echo", AFFECT_FAMILY_ECHO);
                    mirrored = true;
                } else if (bidHasFeeling && m.affect().negative() == bidNegative) {
                    sheet.addRepeated(MIRRORING, reply, i, m, "valence-match", VALENCE_MATCH);
                    mirrored = true;
                }
            }
            boolean acknowledged = reply.firstAffirmed(LexiconGroup.ACKNOWLEDGEMENT) != null;
            if ((mirrored || acknowledged) && view.intensity(bid) >= LOUD_BID) {
                Evidence loud = loudness(reply, i);
                if (loud != null) {
                    sheet.add(MIRRORING, loud);
                }
            }
            if (bidHasFeeling && !mirrored && !acknowledged) {
                boolean flat = reply.tokens.wordCount() <= 3 && view.questions(i).isEmpty();
                sheet.add(MIRRORING, flat
                    ? reply.wholeText(i, "flat-response", FLAT_RESPONSE)
                    : reply.wholeText(i, "unmirrored-feeling", UNMIRRORED_FEELING));
            }
        }
    }

    /**
     * A statement (not a question, advice or dismissal) that says back what the other person said: it
     * shares two content words with the bid, or one when it is about them ("you ...", "your ...").
     */
    private static boolean restatement(ConversationView view, int turn, ScoreSheet sheet) {
        TokenizedText t = view.turns[turn].tokens;
        Set<String> theirs = view.bidStems(turn);
        if (theirs.isEmpty()) {
            return false;
        }
        boolean found = false;
        for (int s = 0; s < t.sentenceCount; s++) {
            int from = t.sentenceFirst[s];
            int to = t.sentenceEnd[s];
            if (to <= from || t.sentenceQuestion[s] || overlapsAny(view, turn, from, to)) {
                continue;
            }
            String first = null;
            int shared = 0;
            for (int k = from; k < to && shared < RESTATEMENT_OVERLAP; k++) {
                if (view.contentWords.isContent(t.tokens[k])) {
                    String stem = ContentWords.stem(t.tokens[k]);
                    if (theirs.contains(stem) && !stem.equals(first)) {
                        first = first == null ? stem : first;
                        shared++;
                    }
                }
            }
            String head = t.tokens[ConversationView.sentenceHead(t, s)];
            boolean aboutThem = head.equals("you") || head.equals("your");
            if (shared >= RESTATEMENT_OVERLAP || (aboutThem && shared > 0)) {
                sheet.add(MIRRORING, view.turns[turn].sentence(turn, s, "restated-content",
                    sheet.repeated(MIRRORING, "restated-content", RESTATED_CONTENT)));
                found = true;
            }
        }
        return found;
    }

    /** Advice or a dismissal in the span: reusing their words to brush them off is not mirroring. */
    private static boolean overlapsAny(ConversationView view, int turn, int from, int to) {
        for (PhraseMatch m : view.advice(turn)) {
            if (m.from() < to && m.to() > from) {
                return true;
            }
        }
        for (PhraseMatch m : view.turns[turn].matches(LexiconGroup.INVALIDATION)) {
            if (m.from() < to && m.to() > from) {
                return true;
            }
        }
        return false;
    }

    private static Evidence loudness(AnalyzedText reply, int turn) {
        TokenizedText t = reply.tokens;
        if (t.exclamationCount > 0) {
            int at = t.exclamations[0];
            return new Evidence(turn, at, at + 1, "!", "modulated-response", MODULATED_RESPONSE);
        }
        for (int k = 0; k < t.size; k++) {
            if (INTENSIFIERS.contains(t.tokens[k])) {
                return new Evidence(turn, t.start[k], t.end[k], t.text.substring(t.start[k], t.end[k]),
                    "modulated-response", MODULATED_RESPONSE);
            }
        }
        return null;
    }
}
