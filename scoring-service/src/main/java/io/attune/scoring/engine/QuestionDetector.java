package io.attune.scoring.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds questions sentence by sentence. Casual chat often drops the '?', so a final unterminated sentence
 * that opens like a question counts too. Open questions (what/how/why...) invite more than closed ones.
 */
final class QuestionDetector {
    private static final Set<String> OPENERS = Set.of("what", "how", "why", "tell", "describe", "explain");
    private static final Set<String> CLOSED_OPENERS = Set.of("do", "does", "did", "is", "are", "was", "were",
        "can", "could", "would", "will", "have", "has", "should", "shall", "when", "where", "who", "which",
        "whose", "am", "want", "wanna");
    private static final Set<String> INTERJECTIONS = Set.of("so", "and", "oh", "wow", "ok", "okay", "well",
        "but", "hmm", "hey", "honey", "babe", "sweetie", "um", "uh", "yeah", "yes", "wait", "ah", "aw", "aww",
        "hun", "dear", "love", "buddy", "man", "mate", "sweetheart", "then");

    /** "what time", "how many", "how long": wh-words that ask for a fact, so the question is closed. */
    private static final Set<String> FACTUAL = Set.of("time", "day", "date", "many", "much", "long", "old", "often",
        "far", "colour", "color", "size", "number", "year", "month", "week");
    private static final Set<String> WH = Set.of("which", "who", "where", "when", "whose");
    /**
     * After an opener, the words that make a sentence a question even without its '?' ("how are you
     * doing.", "did you tell him"); "how awful." and "what a day." stay exclamations.
     */
    private static final Set<String> AUXILIARIES = Set.of("is", "are", "was", "were", "do", "does", "did", "have",
        "has", "had", "can", "could", "would", "will", "should", "might", "made", "makes", "happened", "happens",
        "long", "often", "come", "kind", "sort", "exactly", "else");
    private static final Set<String> SUBJECTS = Set.of("you", "he", "she", "they", "it", "we", "that", "this",
        "there", "anyone", "anything", "someone", "your", "i");
    private static final Set<String> BARE = Set.of("what", "huh", "pardon", "sorry", "eh");

    /**
     * A question at tokens [from, to), {@code head} being its first word after interjections;
     * {@code followUp} marks short wh-questions such as "what happened?" or "which one?".
     */
    record Question(int sentence, int from, int head, int to, boolean open, boolean followUp) {}

    private QuestionDetector() {
    }

    /** Word order alone marks a question: a wh-word and an auxiliary, or an auxiliary and a subject. */
    private static boolean interrogative(TokenizedText t, int head, int to, boolean whWord) {
        if (head + 2 >= to) {
            return false;
        }
        String first = t.tokens[head];
        String second = t.tokens[head + 1];
        if (whWord) {
            return !first.equals("tell") && !first.equals("describe") && !first.equals("explain")
                && AUXILIARIES.contains(second);
        }
        return CLOSED_OPENERS.contains(first) && !first.equals("when") && !first.equals("where")
            && !first.equals("want") && !first.equals("wanna") && SUBJECTS.contains(second);
    }

    static List<Question> find(TokenizedText t) {
        List<Question> out = new ArrayList<>(2);
        for (int s = 0; s < t.sentenceCount; s++) {
            int from = t.sentenceFirst[s];
            int to = t.sentenceEnd[s];
            int head = from;
            while (head < to && INTERJECTIONS.contains(t.tokens[head])) {
                head++;
            }
            if (head >= to) {
                continue;
            }
            String first = t.tokens[head];
            boolean open = (OPENERS.contains(first) && !(head + 1 < to && FACTUAL.contains(t.tokens[head + 1])))
                || (first.equals("in") && head + 1 < to && t.tokens[head + 1].equals("what"));
            boolean whWord = open || OPENERS.contains(first) || WH.contains(first);
            boolean questionForm = whWord || CLOSED_OPENERS.contains(first);
            boolean lastUnterminated = s == t.sentenceCount - 1 && !t.sentenceTerminated[s];
            boolean isQuestion = t.sentenceQuestion[s] || (lastUnterminated && questionForm && !first.equals("tell"))
                || interrogative(t, head, to, whWord);
            if (first.equals("tell") && t.sentenceQuestion[s]) {
                isQuestion = true;
            }
            if (!isQuestion) {
                continue;
            }
            int length = to - head;
            if (length == 1 && BARE.contains(first)) {
                continue; // "what?" after a bid is not having listened, not inquiry
            }
            boolean wh = whWord;
            if (length < 3 && !wh) {
                continue; // "really?", "right?": back-channel, not inquiry
            }
            out.add(new Question(s, from, head, to, open, wh && length <= 3));
        }
        return out;
    }
}
