package io.attune.scoring.engine;

import static io.attune.scoring.engine.Dimensions.MIRRORING;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Mirroring: naming the other's feeling back, reusing their affect word or its family (hate, angry, furious
 * all belong to anger), and matching the loudness of the bid. Flat or mismatched replies lower it.
 */
final class MirroringSignals implements SignalDetector<ConversationView> {
    static final int FEELING_NAMED = 30;
    static final int AFFECT_WORD_ECHO = 25;
    static final int AFFECT_FAMILY_ECHO = 25;
    static final int VALENCE_MATCH = 10;
    static final int MISMATCHED_TONE = -20;
    static final int MODULATED_RESPONSE = 10;
    static final int FLAT_RESPONSE = -25;
    static final int UNMIRRORED_FEELING = -10;
    /** A bid this loud (exclamations, strong words, intensifiers) deserves a matching reply. */
    static final int LOUD_BID = 2;
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
            Set<String> theirWords = new HashSet<>();
            Set<String> theirFamilies = new HashSet<>();
            for (PhraseMatch m : view.feelings(bid)) {
                theirWords.add(view.turns[bid].span(m).toLowerCase(Locale.ROOT));
                theirFamilies.add(m.affect().family());
            }
            boolean bidNegative = view.negativeBid(bid);
            boolean bidHasFeeling = view.hasFeeling(bid);
            for (PhraseMatch m : view.feelings(i)) {
                if (reply.negated(m) || view.insideNamedFeeling(i, m)) {
                    continue;
                }
                if (m.affect().generic()) {
                    continue; // "ok", "that sucks", "cool": too vague to mirror anything
                }
                String word = reply.span(m).toLowerCase(Locale.ROOT);
                if (theirWords.contains(word)) {
                    sheet.addRepeated(MIRRORING, reply, i, m, "affect-word-echo", AFFECT_WORD_ECHO);
                    mirrored = true;
                } else if (theirFamilies.contains(m.affect().family())) {
                    sheet.addRepeated(MIRRORING, reply, i, m, "affect-family-echo", AFFECT_FAMILY_ECHO);
                    mirrored = true;
                } else if (bidNegative && !m.affect().negative() && !m.affect().generic()) {
                    sheet.addRepeated(MIRRORING, reply, i, m, "mismatched-tone", MISMATCHED_TONE);
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
