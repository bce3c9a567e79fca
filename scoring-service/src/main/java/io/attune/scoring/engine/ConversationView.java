package io.attune.scoring.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A conversation as the conversation detectors see it: every turn analyzed once, which turns are the
 * client's, and for each client turn the other person's bid it answers (the nearest preceding turn of
 * the other person).
 */
final class ConversationView {
    private static final Set<String> INTENSIFIERS = Set.of("so", "really", "very", "totally", "absolutely",
        "ugh", "seriously", "completely", "such", "literally", "extremely", "incredibly");

    /** closing-comments.txt section for look-alikes ("whatever happens") that win the longest match. */
    static final String NOT_CLOSING = "not-closing";
    private static final LexiconGroup[] DISGUISES = {LexiconGroup.ADVICE, LexiconGroup.ACKNOWLEDGEMENT,
        LexiconGroup.CLOSING_COMMENTS, LexiconGroup.INVALIDATION};
    /** feeling-naming.txt section for reflective frames that need no feeling word. */
    static final String REFLECTION = "reflection";
    /** feeling-naming.txt section for reflective openers that only count at the start of a sentence. */
    static final String REFLECTION_OPENER = "reflection-opener";
    /** feeling-naming.txt section for "I've been there": mirroring, never a named feeling. */
    static final String SHARED_EXPERIENCE = "shared-experience";
    /** feeling-naming.txt section for "I understand": weak mirroring, never a named feeling. */
    static final String UNDERSTANDING = "understanding";
    /** advice.txt section for bare imperatives, which only count when they open a sentence. */
    static final String IMPERATIVE = "imperative";
    /** Words that may precede an imperative or a reflection at the start of a sentence. */
    private static final Set<String> SENTENCE_LEAD = Set.of("just", "so", "well", "okay", "ok", "maybe", "perhaps",
        "please", "then", "and", "but", "honestly", "seriously", "look", "listen", "hey", "oh", "yeah", "yes", "no",
        "man", "mate", "dude", "bro", "babe", "honey", "sweetie", "love", "dear", "lol", "haha", "now", "first",
        "also", "anyway", "anyways", "right", "alright", "sis", "buddy", "kid", "son", "darling");
    private static final Set<String> CHECK_IN = Set.of("feel", "feeling", "feelings", "felt", "okay", "ok", "alright",
        "safe", "doing", "holding", "coping", "managing", "hurt", "hurting");

    final ConversationSample sample;
    final AnalyzedText[] turns;
    final boolean[] client;
    final int[] bid;
    final ContentWords contentWords;
    private final List<List<QuestionDetector.Question>> questions = new ArrayList<>();
    private final List<List<NamedFeeling>> namedFeelings = new ArrayList<>();
    private final List<List<PhraseMatch>> reflections = new ArrayList<>();
    private final List<List<PhraseMatch>> advice = new ArrayList<>();
    private final boolean[] dismisses;
    private final List<Set<String>> bidStems = new ArrayList<>();
    private final List<Set<String>> topicBefore = new ArrayList<>();
    private final boolean[] relevantQuestion;

    /** "you sound furious": a framing phrase plus the feeling it names, tokens [from, to). */
    record NamedFeeling(int from, int to) {}

    ConversationView(ConversationSample sample, AnalyzedText[] turns, ContentWords contentWords) {
        this.sample = sample;
        this.turns = turns;
        this.contentWords = contentWords;
        int n = turns.length;
        this.client = new boolean[n];
        this.bid = new int[n];
        this.relevantQuestion = new boolean[n];
        this.dismisses = new boolean[n];
        String clientName = sample.clientSpeaker().strip();
        int lastOther = -1;
        Set<String> topic = new HashSet<>();
        for (int i = 0; i < n; i++) {
            String speaker = sample.turns().get(i).speaker();
            client[i] = speaker != null && speaker.strip().equalsIgnoreCase(clientName);
            bid[i] = client[i] ? lastOther : -1;
            topicBefore.add(Set.copyOf(topic));
            if (!client[i]) {
                lastOther = i;
                Set<String> stems = contentWords.stems(turns[i].tokens);
                topic.addAll(stems);
                bidStems.add(stems);
            } else {
                bidStems.add(Set.of());
            }
            questions.add(client[i] ? QuestionDetector.find(turns[i].tokens) : List.of());
            List<NamedFeeling> named = client[i] ? findNamedFeelings(turns[i]) : List.of();
            namedFeelings.add(named);
            reflections.add(client[i] ? findReflections(turns[i], named) : List.of());
            advice.add(client[i] ? findAdvice(turns[i], named) : List.of());
            dismisses[i] = client[i] && turns[i].firstAffirmed(LexiconGroup.INVALIDATION) != null;
        }
        for (int i = 0; i < n; i++) {
            for (QuestionDetector.Question q : questions.get(i)) {
                if (!isDisguised(i, q) && isRelevant(i, q)) {
                    relevantQuestion[i] = true;
                }
            }
        }
    }

    int size() {
        return turns.length;
    }

    List<QuestionDetector.Question> questions(int turn) {
        return questions.get(turn);
    }

    List<NamedFeeling> namedFeelings(int turn) {
        return namedFeelings.get(turn);
    }

    /** Reflective frames ("it sounds like", "so you're saying") that did not already name a feeling. */
    List<PhraseMatch> reflections(int turn) {
        return reflections.get(turn);
    }

    /** Advice phrases, and bare imperatives that open a sentence ("Make a list."), in text order. */
    List<PhraseMatch> advice(int turn) {
        return advice.get(turn);
    }

    /** The turn invalidates, minimises or brushes past the other's feeling ("it was just a dog"). */
    boolean dismisses(int turn) {
        return dismisses[turn];
    }

    /** Index of the first token of a sentence after lead-in words ("so", "just", "well"...). */
    static int sentenceHead(TokenizedText t, int sentence) {
        int head = t.sentenceFirst[sentence];
        int to = t.sentenceEnd[sentence];
        while (head < to - 1 && SENTENCE_LEAD.contains(t.tokens[head])) {
            head++;
        }
        return head;
    }

    boolean hasRelevantQuestion(int turn) {
        return relevantQuestion[turn];
    }

    /** Feelings stated in a turn (negation ignored: "I'm not okay" is still a bid). */
    List<PhraseMatch> feelings(int turn) {
        return turn < 0 ? List.of() : turns[turn].matches(LexiconGroup.EMOTIONS);
    }

    /** The turn is an emotional bid: it names a feeling or an event that carries one ("I got fired"). */
    boolean hasFeeling(int turn) {
        return !feelings(turn).isEmpty() || (turn >= 0 && !turns[turn].matches(LexiconGroup.EMOTIONAL_EVENTS).isEmpty());
    }

    /** The turn contains a closing comment: whatever else it asks, it is moving on. */
    boolean closes(int turn) {
        for (PhraseMatch m : turns[turn].matches(LexiconGroup.CLOSING_COMMENTS)) {
            if (!m.signal().equals(NOT_CLOSING)) {
                return true;
            }
        }
        return false;
    }

    /** Net valence of a bid: negative unless it only names positive feelings. */
    boolean negativeBid(int turn) {
        for (PhraseMatch m : feelings(turn)) {
            if (m.affect().negative() || turns[turn].negated(m)) {
                return true;
            }
        }
        return feelings(turn).isEmpty() && hasFeeling(turn);
    }

    /** How loud the bid is: exclamations, strong feeling words and intensifiers. */
    int intensity(int turn) {
        if (turn < 0) {
            return 0;
        }
        TokenizedText t = turns[turn].tokens;
        int score = Math.min(t.exclamationCount, 2);
        for (PhraseMatch m : feelings(turn)) {
            if (m.affect().intense()) {
                score++;
            }
        }
        for (int i = 0; i < t.size; i++) {
            if (INTENSIFIERS.contains(t.tokens[i])) {
                score++;
            }
        }
        return score;
    }

    /**
     * Relevant when it refers back: a shared content word, a pronoun, a feeling word or a check-in ("are
     * you okay?"). Open questions are given the benefit of the doubt ("what did the doctors say?") unless a
     * lexicon marks them as a subject change; closed ones must show the link.
     */
    boolean isRelevant(int turn, QuestionDetector.Question q) {
        if (strays(turn, q)) {
            return false;
        }
        if (q.followUp() || q.open() || overlaps(turn, q, LexiconGroup.LEAD_ON)) {
            return true; // "do you want to talk about it?" invites whatever they said
        }
        for (PhraseMatch m : turns[turn].matches(LexiconGroup.ACKNOWLEDGEMENT)) {
            if (m.signal().equals("support") && m.from() < q.to() && m.to() > q.from()) {
                return true; // an offer of presence ("want me to come over?") answers the bid, it does not leave it
            }
        }
        TokenizedText tokens = turns[turn].tokens;
        for (int k = q.from(); k < q.to(); k++) {
            if (CHECK_IN.contains(tokens.tokens[k])) {
                return true;
            }
        }
        TokenizedText t = turns[turn].tokens;
        Set<String> topic = topicBefore.get(turn);
        if (contentWords.firstOverlap(t, q.from(), q.to(), topic) >= 0) {
            return true;
        }
        if (contentWords.firstAnaphor(t, q.from(), q.to()) >= 0) {
            return true;
        }
        for (PhraseMatch m : turns[turn].matches(LexiconGroup.EMOTIONS)) {
            if (m.from() >= q.from() && m.to() <= q.to()) {
                return true;
            }
        }
        return false;
    }

    /** Content stems of the bid this client turn answers (empty when there is none). */
    Set<String> bidStems(int turn) {
        return bid[turn] < 0 ? Set.of() : bidStems.get(bid[turn]);
    }

    Set<String> topicBefore(int turn) {
        return topicBefore.get(turn);
    }

    /**
     * The question opens with advice ("why don't you just..."), a closing comment or a rhetorical agreement
     * ("I know, right?"). A caring check-in ("are you okay?") is sympathy and a real question at once.
     */
    boolean isDisguised(int turn, QuestionDetector.Question q) {
        for (LexiconGroup g : DISGUISES) {
            for (PhraseMatch m : turns[turn].matches(g)) {
                boolean disguising = g != LexiconGroup.ACKNOWLEDGEMENT || m.signal().equals("agreement");
                if (disguising && m.from() <= q.head() && m.to() > q.head() && !m.signal().equals(NOT_CLOSING)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The question is a subject change or a sign of distraction ("did you see the game?", "what did you say?"). */
    boolean strays(int turn, QuestionDetector.Question q) {
        return overlaps(turn, q, LexiconGroup.DISTRACTION);
    }

    private boolean overlaps(int turn, QuestionDetector.Question q, LexiconGroup group) {
        for (PhraseMatch m : turns[turn].matches(group)) {
            if (m.from() < q.to() && m.to() > q.from()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The sentence holding token {@code at} dismisses the feeling ("you wanted to move, so don't complain"):
     * whatever it says back is said to brush the person off, so it mirrors nothing.
     */
    static boolean dismissiveSentence(AnalyzedText text, int at) {
        int sentence = text.tokens.sentence[at];
        for (PhraseMatch m : text.matches(LexiconGroup.INVALIDATION)) {
            if (text.tokens.sentence[m.from()] == sentence && !text.negated(m)) {
                return true;
            }
        }
        return false;
    }

    private static List<PhraseMatch> findReflections(AnalyzedText text, List<NamedFeeling> named) {
        List<PhraseMatch> out = new ArrayList<>(1);
        for (PhraseMatch frame : text.matches(LexiconGroup.FEELING_NAMING)) {
            boolean opener = frame.signal().equals(REFLECTION_OPENER);
            if (!(frame.signal().equals(REFLECTION) || opener) || text.negated(frame)
                || dismissiveSentence(text, frame.from())
                || (opener && sentenceHead(text.tokens, text.tokens.sentence[frame.from()]) != frame.from())) {
                continue;
            }
            boolean naming = false;
            for (NamedFeeling f : named) {
                naming |= f.from() == frame.from();
            }
            if (!naming) {
                out.add(frame);
            }
        }
        return out;
    }

    /**
     * Advice and plan matches, keeping a bare imperative only where it opens a sentence and no
     * acknowledgement or lead-on starts there ("Take your time", "Take care" are not advice), and dropping
     * any that overlap feeling work ("you must be exhausted" names a feeling, it is not advice).
     */
    private static List<PhraseMatch> findAdvice(AnalyzedText text, List<NamedFeeling> named) {
        List<PhraseMatch> all = text.matches(LexiconGroup.ADVICE);
        if (all.isEmpty()) {
            return all;
        }
        List<PhraseMatch> out = new ArrayList<>(all.size());
        for (PhraseMatch m : all) {
            if (m.signal().equals(IMPERATIVE)) {
                int sentence = text.tokens.sentence[m.from()];
                if (sentenceHead(text.tokens, sentence) != m.from() || startsOther(text, m.from())) {
                    continue;
                }
            }
            if ((!text.negated(m) || m.signal().equals(IMPERATIVE)) && !overlapsFeelingWork(text, named, m)) {
                out.add(m);
            }
        }
        return out;
    }

    private static boolean overlapsFeelingWork(AnalyzedText text, List<NamedFeeling> named, PhraseMatch advice) {
        for (NamedFeeling f : named) {
            if (f.from() < advice.to() && f.to() > advice.from()) {
                return true;
            }
        }
        for (PhraseMatch m : text.matches(LexiconGroup.FEELING_NAMING)) {
            if (m.from() < advice.to() && m.to() > advice.from()) {
                return true;
            }
        }
        return false;
    }

    private static final LexiconGroup[] NOT_ADVICE = {LexiconGroup.ACKNOWLEDGEMENT, LexiconGroup.LEAD_ON,
        LexiconGroup.CLOSING_COMMENTS, LexiconGroup.INVALIDATION};

    private static boolean startsOther(AnalyzedText text, int from) {
        for (LexiconGroup g : NOT_ADVICE) {
            for (PhraseMatch m : text.matches(g)) {
                if (m.from() <= from && m.to() > from) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<NamedFeeling> findNamedFeelings(AnalyzedText text) {
        List<NamedFeeling> out = new ArrayList<>(1);
        List<PhraseMatch> emotions = text.matches(LexiconGroup.EMOTIONS);
        for (PhraseMatch frame : text.matches(LexiconGroup.FEELING_NAMING)) {
            if (frame.signal().equals(SHARED_EXPERIENCE) || frame.signal().equals(UNDERSTANDING)) {
                continue;
            }
            if (frame.signal().equals("feeling-named")) {
                out.add(new NamedFeeling(frame.from(), frame.to()));
                continue;
            }
            for (PhraseMatch e : emotions) {
                boolean near = e.from() >= frame.to() && e.from() - frame.to() <= 3
                    && text.tokens.sentence[e.from()] == text.tokens.sentence[frame.from()];
                if (near && !NegationScope.isNegated(text.tokens, e.from(), 3, frame.to())) {
                    out.add(new NamedFeeling(frame.from(), e.to()));
                    break;
                }
            }
        }
        return out;
    }

    Evidence evidence(int turn, NamedFeeling f, String signal, int effect) {
        TokenizedText t = turns[turn].tokens;
        int s = t.charStart(f.from());
        int e = t.charEnd(f.to());
        return new Evidence(turn, s, e, t.text.substring(s, e), signal, effect);
    }

    boolean insideNamedFeeling(int turn, PhraseMatch m) {
        for (NamedFeeling f : namedFeelings(turn)) {
            if (m.from() >= f.from() && m.to() <= f.to()) {
                return true;
            }
        }
        return false;
    }
}
