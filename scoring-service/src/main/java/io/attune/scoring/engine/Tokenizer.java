package io.attune.scoring.engine;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Splits text into lower-cased word tokens in one pass. Contractions are expanded ("don't" -> "do not",
 * "im" -> "i am") so that lexicons and {@link NegationScope} see one spelling; both halves keep the
 * original token's char span so evidence still quotes what the person wrote.
 */
final class Tokenizer {
    /** For reading the lexicon files themselves, before any vocabulary exists. */
    static final Tokenizer PLAIN = new Tokenizer(Vocabulary.EMPTY);

    static final Map<String, String[]> EXPANSIONS = expansions();

    private static Map<String, String[]> expansions() {
        Map<String, String[]> out = new HashMap<>();
        String[][] table = {
            {"im", "i am"}, {"ive", "i have"}, {"youre", "you are"}, {"thats", "that is"}, {"whats", "what is"},
            {"cant", "can not"}, {"cannot", "can not"}, {"won't", "will not"}, {"wont", "will not"},
            {"ain't", "is not"}, {"shan't", "shall not"}, {"can't", "can not"}, {"let's", "let us"},
            {"dont", "do not"}, {"doesnt", "does not"}, {"didnt", "did not"}, {"isnt", "is not"},
            {"wasnt", "was not"}, {"arent", "are not"}, {"werent", "were not"}, {"havent", "have not"},
            {"hasnt", "has not"}, {"wouldnt", "would not"}, {"couldnt", "could not"}, {"shouldnt", "should not"},
            {"gonna", "going to"}, {"wanna", "want to"}, {"gotta", "got to"}, {"u", "you"}, {"ur", "your"},
            {"it's", "it is"}, {"he's", "he is"}, {"she's", "she is"}, {"that's", "that is"},
            {"what's", "what is"}, {"there's", "there is"}, {"here's", "here is"}, {"who's", "who is"},
            {"how's", "how is"}, {"where's", "where is"}, {"everything's", "everything is"},
            {"don't", "do not"}, {"doesn't", "does not"}, {"didn't", "did not"}, {"isn't", "is not"},
            {"wasn't", "was not"}, {"aren't", "are not"}, {"weren't", "were not"}, {"haven't", "have not"},
            {"hasn't", "has not"}, {"wouldn't", "would not"}, {"couldn't", "could not"},
            {"shouldn't", "should not"}, {"i'm", "i am"}, {"i've", "i have"}, {"i'll", "i will"},
            {"i'd", "i would"}, {"you're", "you are"}, {"you've", "you have"}, {"you'll", "you will"},
            {"you'd", "you would"}, {"we're", "we are"}, {"they're", "they are"}, {"he'd", "he would"},
            {"she'd", "she would"}, {"they'd", "they would"}, {"we'd", "we would"}, {"it'll", "it will"},
        };
        for (String[] row : table) {
            out.put(row[0], row[1].split(" "));
        }
        return Map.copyOf(out);
    }

    private final Vocabulary vocabulary;

    Tokenizer(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    TokenizedText tokenize(String raw) {
        String text = raw == null ? "" : raw;
        int n = text.length();
        int cap = n / 3 + 8;
        String[] tokens = new String[cap];
        boolean[] known = new boolean[cap];
        int[] start = new int[cap];
        int[] end = new int[cap];
        int[] sentence = new int[cap];
        int[] clause = new int[cap];
        int size = 0;
        int sentenceId = 0;
        int clauseId = 0;
        boolean sentencePending = false;
        boolean clausePending = false;
        int[] sFirst = new int[8];
        int[] sEnd = new int[8];
        boolean[] sQuestion = new boolean[8];
        boolean[] sTerminated = new boolean[8];
        boolean currentQuestion = false;
        int[] excl = new int[4];
        int exclCount = 0;
        char[] word = new char[32];

        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (isWordChar(c)) {
                int wordStart = i;
                int length = 0;
                int hash = 0;
                while (i < n) {
                    char d = text.charAt(i);
                    char lower;
                    if (isWordChar(d)) {
                        lower = d < 128 ? (d >= 'A' && d <= 'Z' ? (char) (d + 32) : d) : Character.toLowerCase(d);
                    } else if (isApostrophe(d) && i + 1 < n && isWordChar(text.charAt(i + 1))) {
                        lower = '\'';
                    } else {
                        break;
                    }
                    if (length == word.length) {
                        word = Arrays.copyOf(word, length * 2);
                    }
                    word[length++] = lower;
                    hash = 31 * hash + lower;
                    i++;
                }
                if (sentencePending) {
                    // room for this sentence's end and the next one's start
                    sFirst = ensure(sFirst, sentenceId + 2);
                    sEnd = ensure(sEnd, sentenceId + 2);
                    sQuestion = ensure(sQuestion, sentenceId + 2);
                    sTerminated = ensure(sTerminated, sentenceId + 2);
                    sEnd[sentenceId] = size;
                    sQuestion[sentenceId] = currentQuestion;
                    sTerminated[sentenceId] = true;
                    sentenceId++;
                    sFirst[sentenceId] = size;
                    currentQuestion = false;
                    clauseId++;
                    sentencePending = false;
                    clausePending = false;
                } else if (clausePending) {
                    clauseId++;
                    clausePending = false;
                }
                int slot = vocabulary.find(word, length, hash);
                String[] parts = slot >= 0 ? vocabulary.parts(slot) : unknown(new String(word, 0, length));
                boolean split = slot < 0 && parts.length > 1;
                if (size + parts.length > tokens.length) {
                    int newCap = Math.max(tokens.length * 2, size + parts.length);
                    tokens = Arrays.copyOf(tokens, newCap);
                    known = Arrays.copyOf(known, newCap);
                    start = Arrays.copyOf(start, newCap);
                    end = Arrays.copyOf(end, newCap);
                    sentence = Arrays.copyOf(sentence, newCap);
                    clause = Arrays.copyOf(clause, newCap);
                }
                for (String part : parts) {
                    if (part.equals("but") && size > 0 && sentence[size - 1] == sentenceId) {
                        clauseId++;
                    }
                    // only the halves of an unknown contraction can still turn out to be known words
                    String canonical = slot >= 0 ? part : split ? vocabulary.canonical(part) : null;
                    tokens[size] = canonical != null ? canonical : part;
                    known[size] = canonical != null;
                    start[size] = wordStart;
                    end[size] = i;
                    sentence[size] = sentenceId;
                    clause[size] = clauseId;
                    size++;
                }
                continue;
            }
            switch (c) {
                case '?' -> {
                    currentQuestion = true;
                    sentencePending = size > 0;
                }
                case '!' -> {
                    if (exclCount == excl.length) {
                        excl = Arrays.copyOf(excl, exclCount * 2);
                    }
                    excl[exclCount++] = i;
                    sentencePending = size > 0;
                }
                case '.', ';', '\n', '\u2026' -> sentencePending = size > 0;
                case ',', ':', '(', ')', '\u2014', '\u2013', '-', '"', '\u201c', '\u201d' -> clausePending = true;
                default -> {
                }
            }
            i++;
        }
        sFirst = ensure(sFirst, sentenceId + 1);
        sEnd = ensure(sEnd, sentenceId + 1);
        sQuestion = ensure(sQuestion, sentenceId + 1);
        sTerminated = ensure(sTerminated, sentenceId + 1);
        sEnd[sentenceId] = size;
        sQuestion[sentenceId] = currentQuestion;
        sTerminated[sentenceId] = sentencePending;
        int sentenceCount = size == 0 ? 0 : sentenceId + 1;
        return new TokenizedText(text, tokens, known, start, end, sentence, clause, size,
            sFirst, sEnd, sQuestion, sTerminated, sentenceCount, excl, exclCount);
    }

    /**
     * Words the vocabulary does not know. Every contraction in the table is in any real vocabulary, so
     * the table is only consulted by {@link #PLAIN}; looking it up would hash every unknown word.
     */
    private String[] unknown(String word) {
        if (vocabulary == Vocabulary.EMPTY) {
            String[] fixed = EXPANSIONS.get(word);
            if (fixed != null) {
                return fixed;
            }
        }
        int apostrophe = word.indexOf('\'');
        if (apostrophe < 0) {
            return new String[] {word};
        }
        if (word.endsWith("n't") && word.length() > 3) {
            return new String[] {word.substring(0, word.length() - 3), "not"};
        }
        String head = word.substring(0, apostrophe);
        String tail = word.substring(apostrophe + 1);
        return switch (tail) {
            case "m" -> new String[] {head, "am"};
            case "re" -> new String[] {head, "are"};
            case "ve" -> new String[] {head, "have"};
            case "ll" -> new String[] {head, "will"};
            case "d" -> new String[] {head, "would"};
            case "s" -> new String[] {head};
            default -> new String[] {word};
        };
    }

    private static boolean isWordChar(char c) {
        if (c < 128) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        }
        return Character.isLetterOrDigit(c);
    }

    private static boolean isApostrophe(char c) {
        return c == '\'' || c == '\u2019' || c == '\u2018';
    }

    private static int[] ensure(int[] a, int needed) {
        return needed <= a.length ? a : Arrays.copyOf(a, Math.max(needed, a.length * 2));
    }

    private static boolean[] ensure(boolean[] a, int needed) {
        return needed <= a.length ? a : Arrays.copyOf(a, Math.max(needed, a.length * 2));
    }
}
