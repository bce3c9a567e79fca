package io.attune.scoring.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the line-based lexicon files. Phrase syntax, kept tiny on purpose:
 * <ul>
 *   <li>{@code (a|b c|)} alternatives, an empty one makes the slot optional;</li>
 *   <li>{@code <class>} a word class from {@code classes.txt};</li>
 *   <li>{@code *} any single token;</li>
 *   <li>a leading {@code !} marks a method mention, whose evidence text is redacted.</li>
 * </ul>
 * Phrases go through the {@link Tokenizer}, so "that's" in a file matches "thats" and "that is" in text.
 */
final class LexiconLoader {
    private static final String BASE = "/io/attune/scoring/engine/";
    private static final String ANY_PLACEHOLDER = "qqanytokenqq";

    private final Map<String, List<String>> classes = new LinkedHashMap<>();

    LexiconLoader() {
        for (String line : lines("classes.txt")) {
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw new IllegalStateException("bad class line: " + line);
            }
            List<String> members = new ArrayList<>();
            for (String member : line.substring(eq + 1).split(",")) {
                if (!member.isBlank()) {
                    members.add(member.trim());
                }
            }
            classes.put(line.substring(0, eq).trim(), members);
        }
    }

    PhraseTrie loadAll() {
        PhraseTrie trie = new PhraseTrie();
        for (LexiconGroup group : LexiconGroup.values()) {
            if (group == LexiconGroup.EMOTIONS) {
                loadEmotions(trie);
            } else {
                loadPhrases(group, trie);
            }
        }
        return trie;
    }

    private void loadPhrases(LexiconGroup group, PhraseTrie trie) {
        String signal = null;
        for (String line : lines(group.fileName)) {
            if (line.startsWith("[")) {
                signal = line.substring(1, line.indexOf(']')).trim();
                continue;
            }
            if (signal == null) {
                throw new IllegalStateException(group.fileName + ": phrase before any [signal] section");
            }
            boolean method = line.startsWith("!");
            String phrase = method ? line.substring(1) : line;
            PhraseTrie.Entry entry = new PhraseTrie.Entry(group, signal, method, null);
            for (String variant : expand(phrase)) {
                trie.add(tokens(variant), entry);
            }
        }
    }

    /** Section header {@code [family negative|positive]}; words comma-separated, a trailing + marks strong words. */
    private void loadEmotions(PhraseTrie trie) {
        String family = null;
        boolean negative = false;
        for (String line : lines(LexiconGroup.EMOTIONS.fileName)) {
            if (line.startsWith("[")) {
                String[] header = line.substring(1, line.indexOf(']')).trim().split("\\s+");
                family = header[0];
                negative = header.length > 1 && header[1].equals("negative");
                continue;
            }
            for (String raw : line.split(",")) {
                String word = raw.trim();
                if (word.isEmpty()) {
                    continue;
                }
                boolean intense = word.endsWith("+");
                if (intense) {
                    word = word.substring(0, word.length() - 1).trim();
                }
                Affect affect = new Affect(family, negative, intense, family.startsWith("generic"));
                PhraseTrie.Entry entry = new PhraseTrie.Entry(LexiconGroup.EMOTIONS, family, false, affect);
                for (String variant : expand(word)) {
                    trie.add(tokens(variant), entry);
                }
            }
        }
    }

    List<String> expand(String phrase) {
        List<String> results = new ArrayList<>();
        results.add("");
        int i = 0;
        int n = phrase.length();
        while (i < n) {
            char c = phrase.charAt(i);
            List<String> options;
            if (c == '(') {
                int close = phrase.indexOf(')', i);
                if (close < 0 || phrase.substring(i + 1, close).indexOf('(') >= 0) {
                    // nested groups would silently expand into nonsense variants
                    throw new IllegalStateException("unbalanced or nested parentheses in: " + phrase);
                }
                options = List.of(phrase.substring(i + 1, close).split("\\|", -1));
                i = close + 1;
            } else if (c == '<') {
                int close = phrase.indexOf('>', i);
                String name = phrase.substring(i + 1, close);
                options = classes.get(name);
                if (options == null) {
                    throw new IllegalStateException("unknown class <" + name + "> in: " + phrase);
                }
                i = close + 1;
            } else {
                int j = i;
                while (j < n && phrase.charAt(j) != '(' && phrase.charAt(j) != '<') {
                    j++;
                }
                options = List.of(phrase.substring(i, j));
                i = j;
            }
            List<String> next = new ArrayList<>(results.size() * options.size());
            for (String prefix : results) {
                for (String option : options) {
                    next.add(prefix + option);
                }
            }
            results = next;
        }
        return results;
    }

    private static List<String> tokens(String variant) {
        TokenizedText t = Tokenizer.PLAIN.tokenize(variant.replace(PhraseTrie.ANY, " " + ANY_PLACEHOLDER + " "));
        List<String> out = new ArrayList<>(t.size);
        for (int k = 0; k < t.size; k++) {
            out.add(t.tokens[k].equals(ANY_PLACEHOLDER) ? PhraseTrie.ANY : t.tokens[k]);
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("empty phrase variant: '" + variant + "'");
        }
        return out;
    }

    static List<String> lines(String fileName) {
        InputStream in = LexiconLoader.class.getResourceAsStream(BASE + fileName);
        if (in == null) {
            throw new IllegalStateException("missing lexicon " + fileName);
        }
        List<String> out = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                String trimmed = line.strip();
                if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                    out.add(trimmed);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
