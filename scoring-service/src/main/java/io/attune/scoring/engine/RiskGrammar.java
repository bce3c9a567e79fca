package io.attune.scoring.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Structural crisis patterns (safety-patterns.txt) over normalised tokens. Where safety.txt lists literal
 * phrases, a pattern here describes a family: {@code @desire ~2 @die} covers "want to die", "wanted to
 * just die", "wish i was dead" and "been wanting to die" at once. The text is first normalised (texting
 * spellings, common misspellings of the key words, "my self" to "myself"), so "i wanna kil my self" and
 * "I want to kill myself" reach the same patterns.
 *
 * <p>Pattern syntax, one per line under a {@code [section]}:
 * <ul>
 *   <li>{@code word}, {@code a/b/c} one token out of several, {@code @class} one token of a class
 *       declared as {@code @class = w1 w2 @other};</li>
 *   <li>a trailing {@code ?} makes one element or group optional; {@code (a b|c|)} alternatives of several
 *       tokens, an empty one makes the group optional;</li>
 *   <li>{@code $} the end of a clause (punctuation, "but") or of the text;</li>
 *   <li>{@code ~N} skips up to N tokens (never across a sentence end);</li>
 *   <li>a leading {@code !} marks a method mention: its evidence text is redacted;</li>
 *   <li>a leading {@code ^} marks a warning sign (a farewell, a location, "I can't do this anymore"): a
 *       concern on its own, a crisis when the same text holds another suicidal-ideation finding.</li>
 * </ul>
 * Sections: {@code [crisis:category]} and {@code [concern:category]} raise findings; {@code [guard]}
 * cancels an overlapping finding (idioms such as "killing it"); {@code [soften]} turns an overlapping
 * crisis finding into a concern; any other section is a context marker that {@link SafetyScreen} looks up
 * by name (historical, recurrent, media, jest, serious, purpose). Deterministic and allocation-light: each
 * text is scanned once, and only tokens that start some pattern are tried.
 */
final class RiskGrammar {
    static final String RESOURCE = "/io/attune/scoring/engine/safety-patterns.txt";

    /** One compiled pattern. {@code level} is crisis, concern, or null for guards and markers. */
    record Pattern(String section, String level, String category, boolean method, boolean warning, Object[] elements,
                   int line, Words[] required) {

        /** False when a word the pattern cannot do without is nowhere in the text: no need to try it. */
        boolean possibleIn(Normalized text) {
            for (Words w : required) {
                if (!w.anyIn(text.present)) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * A pattern element: one token out of some grammar words, as a bit set over their ids. Texts are matched by
     * id, so a token is looked up once when the text is normalised, not once per element tried.
     */
    static final class Words {
        private final long[] bits;
        /** The indexes of the non-zero longs of {@link #bits}. */
        private final int[] blocks;
        private final int size;

        Words(int[] ids) {
            size = ids.length;
            int max = -1;
            for (int id : ids) {
                max = Math.max(max, id);
            }
            bits = new long[(max >>> 6) + 1];
            for (int id : ids) {
                bits[id >>> 6] |= 1L << id;
            }
            blocks = java.util.stream.IntStream.range(0, bits.length).filter(b -> bits[b] != 0).toArray();
        }

        int size() {
            return size;
        }

        boolean has(int id) {
            int block = id >>> 6;
            return id >= 0 && block < bits.length && (bits[block] & (1L << id)) != 0;
        }

        boolean anyIn(long[] present) {
            for (int b : blocks) {
                if ((bits[b] & present[b]) != 0) {
                    return true;
                }
            }
            return false;
        }
    }

    /** A pattern found at normalised tokens [from, to), i.e. original tokens [srcFrom, srcTo). */
    record Hit(Pattern pattern, int from, int to, int srcFrom, int srcTo) {}

    /** The text after normalisation; {@code src[i]} is the original token index of normalised token i. */
    static final class Normalized {
        final String[] tok;
        /** The grammar word an unknown inflection of token i stands for ("overdosed" -> "overdose"), or null. */
        final String[] lemma;
        final int[] src;
        final int[] sentence;
        final int[] clause;
        final int size;
        /** The grammar word id of token i and of its lemma, -1 for none. */
        private final int[] id;
        private final int[] lemmaId;
        /** A bit per grammar word id found in the text, as a token or a lemma. */
        private final long[] present;

        Normalized(String[] tok, String[] lemma, int[] src, int[] sentence, int[] clause, int size, int[] id,
                   int[] lemmaId, long[] present) {
            this.tok = tok;
            this.lemma = lemma;
            this.src = src;
            this.sentence = sentence;
            this.clause = clause;
            this.size = size;
            this.id = id;
            this.lemmaId = lemmaId;
            this.present = present;
        }

        boolean is(Words words, int pos) {
            return words.has(id[pos]) || words.has(lemmaId[pos]);
        }
    }

    private static final Map<String, String[]> SPELLING = spelling();
    /**
     * The risk lexemes (5 letters or more) tolerated with one typo: an insertion, deletion, substitution or
     * swap ("myslef", "notise", "husbnd", "scard"). Only a token that is neither a grammar word, nor one of
     * its inflections, nor a word the engine's lexicons know is corrected, so real words stay themselves.
     */
    private static final String[] FUZZY_KEYS = {"myself", "himself", "herself", "themselves", "yourself",
        "suicide", "suicidal", "disappear", "hopeless",
        "worthless", "killing", "cutting", "burning", "hurting", "harming", "overdose", "overdosing", "tablets",
        "razor", "blade", "blades", "scared", "afraid", "terrified", "husband", "boyfriend", "girlfriend", "partner",
        "stepdad", "strangle", "strangled", "choked", "choking", "punched", "kicked", "slapped", "beaten", "beating",
        "threatened", "threatens", "alive", "living", "anymore", "notice", "nobody", "anyone", "everyone", "started",
        "starting", "relapse", "relapsed", "forever", "wanting", "thinking", "ending", "dying", "knife", "stabbing",
        "stabbed", "bridge", "hanging", "really", "wrists", "thighs", "bleeding", "tonight", "goodbye", "existing",
        "exist", "anything", "someone", "somebody", "without", "better", "pills", "again", "abusive", "abused",
        "touches", "touching"};
    /** Real words one edit away from a risk lexeme: never "corrected". */
    private static final Set<String> NOT_TYPOS = Set.of("sacred", "scarred", "scares", "bitter", "batter",
        "butter", "letter", "setter", "bridges", "blamed",
        "bladed", "bridle", "giving", "loving", "lining", "lying", "diving", "fining", "sending", "bending",
        "tending", "lending", "mending", "novice", "exit", "existed", "punches", "kicker", "parties", "partners",
        "starling", "stating", "skating", "tablet", "agains", "knives", "kniff", "fever", "banging", "ranging",
        "changing", "hunting", "hurling", "burying", "turning", "churning", "putting", "gutting", "jutting",
        "rutting", "chiding", "choker", "chokes", "beaker", "beater", "bleeping", "breeding", "blending", "wrist",
        "thigh", "killings", "killjoy", "relapses", "relaxed", "realty", "rally", "dyeing", "doing", "dining",
        "drying", "eyeing", "toning", "someones", "anyones", "abuser", "abuses", "touched", "touchy", "wanted",
        "waiting", "thinning", "thanking", "thinging", "alike", "aline", "olive", "pillows", "spills", "willing");
    /** "ill" is "I'll" before one of these ("ill stab him", "ill never"), unless a copula precedes it. */
    private static final Set<String> ILL_VERBS = Set.of("kill", "stab", "hurt", "shoot", "beat", "do", "be",
        "never", "just", "make", "end", "find", "use", "go", "take", "jump", "cut", "smash", "break", "get", "put",
        "show", "murder", "punch", "slap", "burn", "run", "bring", "not");
    private static final Set<String> COPULA = Set.of("feel", "feels", "felt", "feeling", "am", "is", "are", "was",
        "were", "be", "been", "being", "get", "got", "getting", "fell", "falls", "seriously", "so", "very", "really",
        "mentally", "terminally", "quite");
    private static final Set<String> POSSESSIVE_SELF = Set.of("my", "her", "him", "his", "them", "their", "your");
    private static final Set<String> HAIR_OBJECTS = Set.of("my", "her", "his", "their", "your", "the", "it",
        "hair", "a", "them");

    /** The {@code $} element: the end of a clause or of the text. */
    private static final Object END = new Object();

    /** The patterns by the id of their first word. */
    private final Pattern[][] byFirstWord;
    /** Every literal word of the grammar. */
    private final Set<String> words;
    /** Every literal word of the grammar to its id (its rank in alphabetical order). */
    private final Map<String, Integer> ids;
    /** An inflection the grammar does not spell out, to the grammar word it comes from. */
    private final Map<String, String> inflections;
    /** The fuzzy keys by first letter (a to z), so a token is only compared with keys that can be one edit away. */
    private final String[][] fuzzyByFirst = new String[26][];

    RiskGrammar() {
        Loader loader = new Loader();
        List<Pattern> patterns = loader.load();
        words = Set.copyOf(loader.words);
        Map<String, Integer> byName = new HashMap<>();
        for (String w : new java.util.TreeSet<>(words)) {
            byName.put(w, byName.size());
        }
        ids = java.util.Collections.unmodifiableMap(byName); // a HashMap: String keys cache their hash
        inflections = inflections(words);
        for (char c = 'a'; c <= 'z'; c++) {
            char first = c;
            fuzzyByFirst[c - 'a'] = java.util.stream.Stream.of(FUZZY_KEYS).filter(k -> k.charAt(0) == first).sorted()
                .toArray(String[]::new);
        }
        Map<Set<String>, Words> compiled = new HashMap<>();
        List<List<Pattern>> byFirst = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            byFirst.add(new ArrayList<>(0));
        }
        for (Pattern p : patterns) {
            Object[] elements = byId(p.elements(), compiled);
            List<Words> required = new ArrayList<>();
            for (int e = 1; e < elements.length; e++) {
                if (elements[e] instanceof Words w) {
                    required.add(w);
                }
            }
            required.sort(java.util.Comparator.comparingInt(Words::size)); // the most selective is tried first
            Pattern q = new Pattern(p.section(), p.level(), p.category(), p.method(), p.warning(), elements, p.line(),
                required.toArray(Words[]::new));
            @SuppressWarnings("unchecked")
            Set<String> first = (Set<String>) p.elements()[0];
            for (String w : new java.util.TreeSet<>(first)) {
                byFirst.get(ids.get(w)).add(q);
            }
        }
        byFirstWord = byFirst.stream().map(l -> l.toArray(Pattern[]::new)).toArray(Pattern[][]::new);
    }

    /** The elements with every word set replaced by its {@link Words}, alternatives included. */
    private Object[] byId(Object[] elements, Map<Set<String>, Words> compiled) {
        Object[] out = new Object[elements.length];
        for (int e = 0; e < elements.length; e++) {
            Object element = elements[e];
            if (element instanceof Set<?> set) {
                out[e] = compiled.computeIfAbsent(Set.copyOf(cast(set)),
                    s -> new Words(s.stream().mapToInt(ids::get).toArray()));
            } else if (element instanceof Object[][] alternatives) {
                Object[][] alts = new Object[alternatives.length][];
                for (int a = 0; a < alternatives.length; a++) {
                    alts[a] = byId(alternatives[a], compiled);
                }
                out[e] = alts;
            } else {
                out[e] = element;
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Set<String> cast(Set<?> set) {
        return (Set<String>) set;
    }

    Normalized normalize(TokenizedText t) {
        int cap = t.size + 8;
        String[] tok = new String[cap];
        String[] lemma = new String[cap];
        int[] src = new int[cap];
        int[] sentence = new int[cap];
        int[] clause = new int[cap];
        int n = 0;
        for (int i = 0; i < t.size; i++) {
            String w = t.tokens[i];
            if ((w.equals("self") || w.equals("selves")) && n > 0 && src[n - 1] == i - 1
                && POSSESSIVE_SELF.contains(tok[n - 1])) {
                tok[n - 1] = reflexive(tok[n - 1]); // "my self" is "myself"
                continue;
            }
            String[] parts;
            if (w.equals("dye") && (i + 1 >= t.size || !HAIR_OBJECTS.contains(t.tokens[i + 1]))) {
                parts = new String[] {"die"}; // "i want to dye" is not about hair
            } else if (w.equals("w") && i + 1 < t.size && t.tokens[i + 1].equals("o")) {
                parts = new String[] {"without"}; // "w/o"
                i++;
            } else if (w.equals("ill") && i + 1 < t.size && ILL_VERBS.contains(t.tokens[i + 1])
                && (i == 0 || t.clause[i - 1] != t.clause[i] || !COPULA.contains(t.tokens[i - 1]))) {
                parts = new String[] {"i", "will"}; // "ill stab him", not "i feel ill"
            } else {
                parts = SPELLING.get(w);
                if (parts == null && !words.contains(w) && !inflections.containsKey(w)) {
                    String fixed = dropped(w);
                    if (fixed == null && w.length() >= 5 && !t.known[i]) {
                        fixed = fuzzy(w);
                    }
                    parts = fixed == null ? null : new String[] {fixed};
                }
            }
            if (n + (parts == null ? 1 : parts.length) > tok.length) {
                int grow = tok.length * 2 + 4;
                tok = java.util.Arrays.copyOf(tok, grow);
                src = java.util.Arrays.copyOf(src, grow);
                sentence = java.util.Arrays.copyOf(sentence, grow);
                clause = java.util.Arrays.copyOf(clause, grow);
                lemma = java.util.Arrays.copyOf(lemma, grow);
            }
            if (parts == null) {
                tok[n] = w;
                lemma[n] = inflections.get(w);
                src[n] = i;
                sentence[n] = t.sentence[i];
                clause[n] = t.clause[i];
                n++;
            } else {
                for (String p : parts) {
                    tok[n] = p;
                    lemma[n] = inflections.get(p);
                    src[n] = i;
                    sentence[n] = t.sentence[i];
                    clause[n] = t.clause[i];
                    n++;
                }
            }
        }
        int[] id = new int[n];
        int[] lemmaId = new int[n];
        long[] present = new long[(ids.size() >>> 6) + 1];
        for (int i = 0; i < n; i++) {
            Integer own = ids.get(tok[i]);
            Integer viaLemma = own != null || lemma[i] == null ? null : ids.get(lemma[i]);
            id[i] = own == null ? -1 : own;
            lemmaId[i] = viaLemma == null ? -1 : viaLemma;
            int k = own != null ? own : lemmaId[i];
            if (k >= 0) {
                present[k >>> 6] |= 1L << k;
            }
        }
        return new Normalized(tok, lemma, src, sentence, clause, n, id, lemmaId, present);
    }

    /** Every pattern occurrence, leftmost first; overlapping occurrences of different patterns are all kept. */
    List<Hit> match(Normalized text) {
        List<Hit> hits = null;
        for (int i = 0; i < text.size; i++) {
            // a grammar word is never an inflection of another, so a token has an id or a lemma id, not both
            int k = text.id[i] >= 0 ? text.id[i] : text.lemmaId[i];
            if (k >= 0) {
                for (Pattern p : byFirstWord[k]) {
                    if (!p.possibleIn(text)) {
                        continue;
                    }
                    int end = match(p.elements(), 1, i + 1, text, text.sentence[i]);
                    if (end > 0) {
                        if (hits == null) {
                            hits = new ArrayList<>(4);
                        }
                        hits.add(new Hit(p, i, end, text.src[i], text.src[end - 1] + 1));
                    }
                }
            }
        }
        return hits == null ? List.of() : hits;
    }

    private static int match(Object[] elements, int e, int pos, Normalized text, int sentence) {
        if (e == elements.length) {
            return pos;
        }
        Object element = elements[e];
        if (element == END) {
            boolean atEnd = pos >= text.size || text.clause[pos] != text.clause[pos - 1];
            return atEnd ? match(elements, e + 1, pos, text, sentence) : -1;
        }
        if (element instanceof Integer gap) {
            for (int k = 0; k <= gap; k++) {
                if (k > 0 && (pos + k - 1 >= text.size || text.sentence[pos + k - 1] != sentence)) {
                    return -1;
                }
                int end = match(elements, e + 1, pos + k, text, sentence);
                if (end > 0) {
                    return end;
                }
            }
            return -1;
        }
        if (element instanceof Object[][] alternatives) {
            for (Object[] alternative : alternatives) {
                int end = matchAlternative(elements, e, alternative, 0, pos, text, sentence);
                if (end > 0) {
                    return end;
                }
            }
            return -1;
        }
        if (pos >= text.size || text.sentence[pos] != sentence || !text.is((Words) element, pos)) {
            return -1;
        }
        return match(elements, e + 1, pos + 1, text, sentence);
    }

    /** One alternative of a group (words, gaps, ends; never another group), then the rest of the pattern. */
    private static int matchAlternative(Object[] elements, int e, Object[] alternative, int k, int pos, Normalized text,
                                        int sentence) {
        if (k == alternative.length) {
            return match(elements, e + 1, pos, text, sentence);
        }
        Object element = alternative[k];
        if (element == END) {
            boolean atEnd = pos >= text.size || text.clause[pos] != text.clause[pos - 1];
            return atEnd ? matchAlternative(elements, e, alternative, k + 1, pos, text, sentence) : -1;
        }
        if (element instanceof Integer gap) {
            for (int j = 0; j <= gap; j++) {
                if (j > 0 && (pos + j - 1 >= text.size || text.sentence[pos + j - 1] != sentence)) {
                    return -1;
                }
                int end = matchAlternative(elements, e, alternative, k + 1, pos + j, text, sentence);
                if (end > 0) {
                    return end;
                }
            }
            return -1;
        }
        if (pos >= text.size || text.sentence[pos] != sentence || !text.is((Words) element, pos)) {
            return -1;
        }
        return matchAlternative(elements, e, alternative, k + 1, pos + 1, text, sentence);
    }

    private static String reflexive(String possessive) {
        return switch (possessive) {
            case "my" -> "myself";
            case "her" -> "herself";
            case "him", "his" -> "himself";
            case "your" -> "yourself";
            default -> "themselves";
        };
    }

    private String fuzzy(String w) {
        char first = w.charAt(0);
        if (first < 'a' || first > 'z') {
            return null;
        }
        for (String key : fuzzyByFirst[first - 'a']) {
            if (Math.abs(key.length() - w.length()) <= 1 && !key.equals(w) && withinOneEdit(key, w)) {
                return NOT_TYPOS.contains(w) ? null : key;
            }
        }
        return null;
    }

    /** A dropped final g ("endin", "thinkin", "cuttin"): the grammar word with it restored. */
    private String dropped(String w) {
        if (w.length() >= 5 && w.endsWith("in")) {
            String full = w + "g";
            if (words.contains(full)) {
                return full;
            }
        }
        return null;
    }

    /**
     * The regular inflections of every grammar word ("overdose" -> "overdosed", "overdoses", "overdosing";
     * "stab" -> "stabbed", "stabbing"; "bully" -> "bullied"), mapped back to it, unless the inflection is
     * itself a grammar word: a pattern that names a form on purpose keeps its meaning, and a pattern that
     * names the base form also matches the forms it did not list.
     */
    private static Map<String, String> inflections(Set<String> words) {
        Map<String, String> out = new HashMap<>();
        for (String w : new java.util.TreeSet<>(words)) {
            int n = w.length();
            if (n < 3 || !w.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
                continue;
            }
            List<String> forms = new ArrayList<>(List.of(w + "s", w + "ed", w + "ing", w + "es"));
            char last = w.charAt(n - 1);
            if (last == 'e') {
                forms.add(w + "d");
                forms.add(w.substring(0, n - 1) + "ing");
                if (w.endsWith("ie")) {
                    forms.add(w.substring(0, n - 2) + "ying");
                }
            }
            if (last == 'y' && n > 3 && "aeiou".indexOf(w.charAt(n - 2)) < 0) {
                forms.add(w.substring(0, n - 1) + "ies");
                forms.add(w.substring(0, n - 1) + "ied");
            }
            if ("aeiou".indexOf(last) < 0 && "wxy".indexOf(last) < 0 && "aeiou".indexOf(w.charAt(n - 2)) >= 0
                && (n < 3 || "aeiou".indexOf(w.charAt(n - 3)) < 0)) {
                forms.add(w + last + "ed");
                forms.add(w + last + "ing");
            }
            for (String f : forms) {
                if (!words.contains(f)) {
                    out.putIfAbsent(f, w);
                }
            }
        }
        return Map.copyOf(out);
    }

    /** Damerau-Levenshtein distance at most one, in one pass. */
    static boolean withinOneEdit(String a, String b) {
        int la = a.length();
        int lb = b.length();
        if (la == lb) {
            int first = -1;
            int diffs = 0;
            for (int i = 0; i < la; i++) {
                if (a.charAt(i) != b.charAt(i)) {
                    if (++diffs == 1) {
                        first = i;
                    } else if (diffs > 2) {
                        return false;
                    }
                }
            }
            if (diffs <= 1) {
                return true;
            }
            // exactly two differences: only an adjacent swap counts as one edit
            return diffs == 2 && first + 1 < la && a.charAt(first) == b.charAt(first + 1)
                && a.charAt(first + 1) == b.charAt(first) && a.regionMatches(first + 2, b, first + 2, la - first - 2);
        }
        if (Math.abs(la - lb) != 1) {
            return false;
        }
        String longer = la > lb ? a : b;
        String shorter = la > lb ? b : a;
        int i = 0;
        while (i < shorter.length() && shorter.charAt(i) == longer.charAt(i)) {
            i++;
        }
        return shorter.regionMatches(i, longer, i + 1, shorter.length() - i);
    }

    private static Map<String, String[]> spelling() {
        String[][] table = {
            {"kms", "kill myself"}, {"kys", "kill yourself"}, {"unalive", "kill"}, {"unaliving", "killing"},
            {"unalived", "killed"}, {"sewerslide", "suicide"}, {"selfharm", "self harm"},
            {"selfharming", "self harming"}, {"selfharmed", "self harmed"}, {"kil", "kill"}, {"kiling", "killing"},
            {"killl", "kill"}, {"myslef", "myself"}, {"mysef", "myself"}, {"mself", "myself"}, {"meself", "myself"},
            {"dissapear", "disappear"}, {"disapear", "disappear"}, {"dissappear", "disappear"},
            {"sucidal", "suicidal"}, {"suicidle", "suicidal"}, {"suicidel", "suicidal"}, {"sucidle", "suicidal"},
            {"suisidal", "suicidal"}, {"suiside", "suicide"}, {"sucide", "suicide"}, {"suicde", "suicide"},
            {"wanna", "want to"}, {"imma", "i am going to"}, {"ima", "i am going to"}, {"gonna", "going to"}, {"tryna", "trying to"}, {"finna", "going to"},
            {"wud", "would"}, {"wld", "would"}, {"cud", "could"}, {"shud", "should"}, {"abt", "about"},
            {"bc", "because"}, {"cuz", "because"}, {"coz", "because"}, {"rn", "right now"}, {"ppl", "people"},
            {"bf", "boyfriend"}, {"gf", "girlfriend"}, {"tmrw", "tomorrow"}, {"tmr", "tomorrow"},
            {"tonite", "tonight"}, {"hes", "he is"}, {"shes", "she is"}, {"theyre", "they are"},
            {"idk", "i do not know"}, {"ded", "dead"}, {"lyf", "life"}, {"lyfe", "life"}, {"livin", "living"},
            {"dyin", "dying"}, {"hurtin", "hurting"}, {"cuttin", "cutting"}, {"killin", "killing"},
            {"thinkin", "thinking"}, {"goin", "going"}, {"rly", "really"}, {"srsly", "seriously"},
            {"mom", "mum"}, {"mommy", "mum"}, {"mummy", "mum"}, {"momma", "mum"}, {"mother", "mum"},
            {"daddy", "dad"}, {"father", "dad"}, {"stepfather", "stepdad"}, {"stepmother", "stepmum"},
            {"stepmom", "stepmum"}, {"neighbor", "neighbour"}, {"neighbors", "neighbours"},
            {"agen", "again"}, {"agin", "again"}, {"agian", "again"}, {"wnat", "want"}, {"wnt", "want"},
            {"whant", "want"}, {"b", "be"}, {"r", "are"}, {"n", "and"}, {"lil", "little"}, {"od", "overdose"},
            {"oding", "overdosing"}, {"nite", "night"}, {"noone", "no one"},
            {"every1", "everyone"}, {"some1", "someone"}, {"sum1", "someone"}, {"any1", "anyone"},
            {"gona", "going to"}, {"gunna", "going to"}, {"gnna", "going to"}, {"evry", "every"},
            {"anymor", "anymore"}, {"nomore", "no more"}, {"alredy", "already"},
            {"pils", "pills"}, {"sleepin", "sleeping"}, {"wana", "want to"}, {"beet", "beat"},
        };
        Map<String, String[]> out = new HashMap<>();
        for (String[] row : table) {
            out.put(row[0], row[1].split(" "));
        }
        return Map.copyOf(out);
    }

    /** Parses safety-patterns.txt into compiled patterns. */
    private static final class Loader {
        private final Map<String, Set<String>> classes = new HashMap<>();
        private final List<Pattern> out = new ArrayList<>();
        final Set<String> words = new HashSet<>();

        List<Pattern> load() {
            String section = null;
            int lineNo = 0;
            for (String raw : read().split("\n")) {
                lineNo++;
                String line = raw.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                if (line.matches("@[a-z0-9_-]+\\s*=.*")) {
                    int eq = line.indexOf('=');
                    Set<String> members = new HashSet<>();
                    for (String w : line.substring(eq + 1).trim().split("\\s+")) {
                        members.addAll(word(w, lineNo));
                    }
                    classes.put(line.substring(1, eq).trim(), Set.copyOf(members));
                } else if (line.startsWith("[") && line.endsWith("]")) {
                    section = line.substring(1, line.length() - 1);
                } else {
                    if (section == null) {
                        throw bad(lineNo, "pattern before any [section]");
                    }
                    boolean warning = line.startsWith("^");
                    String body = warning ? line.substring(1) : line;
                    boolean method = body.startsWith("!");
                    for (List<String> variant : expand(method ? body.substring(1) : body, lineNo)) {
                        compile(section, method, warning, variant, lineNo);
                    }
                }
            }
            return out;
        }

        private void compile(String section, boolean method, boolean warning, List<String> tokens, int lineNo) {
            List<Object> elements = new ArrayList<>();
            for (String t : tokens) {
                if (t.startsWith("{")) {
                    String[] alts = t.substring(1, t.length() - 1).split("\\|", -1);
                    Object[][] compiled = new Object[alts.length][];
                    for (int a = 0; a < alts.length; a++) {
                        List<Object> seq = new ArrayList<>();
                        for (String part : alts[a].isBlank() ? new String[0] : alts[a].trim().split("\\s+")) {
                            seq.add(element(part, lineNo));
                        }
                        compiled[a] = seq.toArray();
                    }
                    elements.add(compiled);
                } else {
                    elements.add(element(t, lineNo));
                }
            }
            while (!elements.isEmpty() && elements.get(elements.size() - 1) instanceof Integer) {
                elements.remove(elements.size() - 1); // a gap before an omitted optional group skips nothing
            }
            if (elements.isEmpty() || !(elements.get(0) instanceof Set)) {
                throw bad(lineNo, "a pattern must start with a word");
            }
            String level = null;
            String category = null;
            int colon = section.indexOf(':');
            if (colon > 0) {
                level = section.substring(0, colon);
                category = section.substring(colon + 1);
                if (!level.equals("crisis") && !level.equals("concern")) {
                    throw bad(lineNo, "unknown level " + level);
                }
            }
            out.add(new Pattern(colon > 0 ? "finding" : section, level, category, method, warning, elements.toArray(),
                lineNo, new Words[0]));
        }

        private Object element(String t, int lineNo) {
            if (t.startsWith("~")) {
                return Integer.parseInt(t.substring(1));
            }
            return t.equals("$") ? END : word(t, lineNo);
        }

        private Set<String> word(String w, int lineNo) {
            if (w.startsWith("@") && w.indexOf('/') < 0) {
                Set<String> c = classes.get(w.substring(1));
                if (c == null) {
                    throw bad(lineNo, "unknown class " + w);
                }
                return c;
            }
            Set<String> words = new HashSet<>();
            for (String alt : w.split("/")) {
                if (alt.isEmpty()) {
                    throw bad(lineNo, "empty alternative in " + w);
                }
                if (alt.startsWith("@")) {
                    words.addAll(word(alt, lineNo));
                } else {
                    words.add(alt.toLowerCase(java.util.Locale.ROOT));
                    this.words.add(alt.toLowerCase(java.util.Locale.ROOT));
                }
            }
            return Set.copyOf(words);
        }

        /** Expands (a b|c|) groups and trailing ? into plain token lists. */
        private static List<List<String>> expand(String pattern, int lineNo) {
            List<List<String>> variants = new ArrayList<>();
            variants.add(new ArrayList<>());
            int i = 0;
            while (i < pattern.length()) {
                char c = pattern.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                } else if (c == '(') {
                    int close = pattern.indexOf(')', i);
                    if (close < 0) {
                        throw bad(lineNo, "unclosed (");
                    }
                    String group = pattern.substring(i + 1, close);
                    if (close + 1 < pattern.length() && pattern.charAt(close + 1) == '?') {
                        group += "|"; // "(a b)?" is "(a b|)"
                        close++;
                    }
                    String[] alts = group.split("\\|", -1);
                    String merged = singleTokens(alts);
                    if (merged != null) {
                        // one token out of several needs no expansion: "(a|b|)" is the element "a/b", optional
                        boolean optional = merged.endsWith("/");
                        alts = optional ? new String[] {merged.substring(0, merged.length() - 1), ""}
                            : new String[] {merged};
                    }
                    if (merged == null && !variants.get(0).isEmpty()) {
                        // a multi-token group after the first element stays one element: no expansion
                        for (List<String> v : variants) {
                            v.add("{" + String.join("|", alts) + "}");
                        }
                        i = close + 1;
                        continue;
                    }
                    List<List<String>> next = new ArrayList<>();
                    for (String alt : alts) {
                        List<String> altTokens = alt.isBlank() ? List.of() : List.of(alt.trim().split("\\s+"));
                        for (List<String> v : variants) {
                            List<String> copy = new ArrayList<>(v);
                            copy.addAll(altTokens);
                            next.add(copy);
                        }
                    }
                    variants = next;
                    i = close + 1;
                } else {
                    int end = i;
                    while (end < pattern.length() && !Character.isWhitespace(pattern.charAt(end))
                        && pattern.charAt(end) != '(') {
                        end++;
                    }
                    String token = pattern.substring(i, end);
                    boolean optional = token.endsWith("?");
                    String word = optional ? token.substring(0, token.length() - 1) : token;
                    List<List<String>> next = new ArrayList<>();
                    for (List<String> v : variants) {
                        List<String> with = new ArrayList<>(v);
                        with.add(word);
                        next.add(with);
                        if (optional) {
                            next.add(new ArrayList<>(v));
                        }
                    }
                    variants = next;
                    i = end;
                }
            }
            return variants;
        }

        /** "a/b/c" when every alternative is one plain token (a trailing "/" when one is empty), else null. */
        private static String singleTokens(String[] alts) {
            StringBuilder out = new StringBuilder();
            boolean empty = false;
            for (String alt : alts) {
                String a = alt.strip();
                if (a.isEmpty()) {
                    empty = true;
                    continue;
                }
                if (a.contains(" ") || a.startsWith("~") || a.equals("$")) {
                    return null;
                }
                out.append(out.length() == 0 ? "" : "/").append(a);
            }
            if (out.length() == 0) {
                return null;
            }
            return empty ? out.append('/').toString() : out.toString();
        }

        private static String read() {
            try (InputStream in = RiskGrammar.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("missing " + RESOURCE);
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static IllegalStateException bad(int lineNo, String why) {
            return new IllegalStateException(RESOURCE + " line " + lineNo + ": " + why);
        }
    }
}
