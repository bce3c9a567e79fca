package io.attune.scoring.engine;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Splits text into lower-cased word tokens in one pass. Contractions are expanded ("don't" -> "do not",
 * "im" -> "i am") so that lexicons and {@link NegationScope} see one spelling; both halves keep the
 * original token's char span so evidence still quotes what the person wrote.
 */
final class Tokenizer {
    private static final Map<String, String[]> EXPANSIONS = new HashMap<>();

    static {
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
        };
        for (String[] row : table) {
            EXPANSIONS.put(row[0], row[1].split(" "));
        }
    }

    private Tokenizer() {
    }

    static TokenizedText tokenize(String raw) {
        String text = raw == null ? "" : raw;
        int n = text.length();
        int cap = n / 3 + 8;
        String[] tokens = new String[cap];
        int[] start = new int[cap];
        int[] end = new int[cap];
        int[] sentence = new int[cap];
        int[] clause = new int[cap];
        int size = 0;
        int sentenceId = 0;
        int clauseId = 0;
        boolean sentencePending = false;
        boolean clausePending = false;
        int sentCap = 8;
        int[] sFirst = new int[sentCap];
        int[] sEnd = new int[sentCap];
        boolean[] sQuestion = new boolean[sentCap];
        boolean[] sTerminated = new boolean[sentCap];
        boolean currentQuestion = false;
        int[] excl = new int[4];
        int exclCount = 0;
        StringBuilder word = new StringBuilder(24);

        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (isWordChar(c)) {
                int wordStart = i;
                word.setLength(0);
                while (i < n) {
                    char d = text.charAt(i);
                    if (isWordChar(d)) {
                        word.append(Character.toLowerCase(d));
                        i++;
                    } else if (isApostrophe(d) && i + 1 < n && isWordChar(text.charAt(i + 1)) && word.length() > 0) {
                        word.append('\'');
                        i++;
                    } else {
                        break;
                    }
                }
                if (sentencePending) {
                    sFirst = ensure(sFirst, sentenceId + 1);
                    sEnd = ensure(sEnd, sentenceId + 1);
                    sQuestion = ensure(sQuestion, sentenceId + 1);
                    sTerminated = ensure(sTerminated, sentenceId + 1);
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
                String[] parts = expand(word.toString());
                if (size + parts.length > tokens.length) {
                    int newCap = Math.max(tokens.length * 2, size + parts.length);
                    tokens = Arrays.copyOf(tokens, newCap);
                    start = Arrays.copyOf(start, newCap);
                    end = Arrays.copyOf(end, newCap);
                    sentence = Arrays.copyOf(sentence, newCap);
                    clause = Arrays.copyOf(clause, newCap);
                }
                for (String part : parts) {
                    if (part.equals("but") && size > 0 && sentence[size - 1] == sentenceId) {
                        clauseId++;
                    }
                    tokens[size] = part;
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
        return new TokenizedText(text, tokens, start, end, sentence, clause, size,
            sFirst, sEnd, sQuestion, sTerminated, sentenceCount, excl, exclCount);
    }

    private static String[] expand(String word) {
        String[] fixed = EXPANSIONS.get(word);
        if (fixed != null) {
            return fixed;
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

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
