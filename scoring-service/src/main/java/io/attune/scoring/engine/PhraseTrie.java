package io.attune.scoring.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * All lexicons in one token trie, so a text is scanned once whatever the number of lexicons. A "*" edge
 * matches any single token. Phrases never cross a sentence boundary.
 */
final class PhraseTrie {
    static final String ANY = "*";

    private static final LexiconGroup[] GROUPS = LexiconGroup.values();

    private final Node root = new Node();

    record Entry(LexiconGroup group, String signal, boolean method, Affect affect) {}

    private static final class Node {
        Map<String, Node> children;
        Node any;
        List<Entry> entries;

        Node child(String token, boolean create) {
            if (token.equals(ANY)) {
                if (any == null && create) {
                    any = new Node();
                }
                return any;
            }
            if (children == null) {
                if (!create) {
                    return null;
                }
                children = new HashMap<>();
            }
            Node next = children.get(token);
            if (next == null && create) {
                next = new Node();
                children.put(token, next);
            }
            return next;
        }
    }

    /** Every literal token on any edge: the words worth interning. */
    Set<String> words() {
        Set<String> out = new TreeSet<>();
        collect(root, out);
        return out;
    }

    private static void collect(Node node, Set<String> out) {
        if (node.children != null) {
            out.addAll(node.children.keySet());
            for (Node child : node.children.values()) {
                collect(child, out);
            }
        }
        if (node.any != null) {
            collect(node.any, out);
        }
    }

    void add(List<String> tokens, Entry entry) {
        Node node = root;
        for (String token : tokens) {
            node = node.child(token, true);
        }
        if (node.entries == null) {
            node.entries = new ArrayList<>(1);
        }
        if (!node.entries.contains(entry)) {
            node.entries.add(entry);
        }
    }

    /**
     * Leftmost-longest, non-overlapping matches per group, in one left-to-right
     * pass without sorting. Groups are independent: one span may be both a closing comment and an
     * invalidation.
     */
    @SuppressWarnings("unchecked")
    List<PhraseMatch>[] match(TokenizedText text) {
        int groups = GROUPS.length;
        List<PhraseMatch>[] byGroup = new List[groups];
        int[] lastEnd = new int[groups];
        PhraseMatch[] best = new PhraseMatch[groups];
        List<PhraseMatch> found = new ArrayList<>(4);
        for (int i = 0; i < text.size; i++) {
            found.clear();
            walk(root, text, i, i, found);
            if (found.isEmpty()) {
                continue;
            }
            for (PhraseMatch m : found) {
                int g = m.group().ordinal();
                if (best[g] == null || m.length() > best[g].length()
                    || (m.length() == best[g].length() && m.signal().compareTo(best[g].signal()) < 0)) {
                    best[g] = m;
                }
            }
            for (int g = 0; g < groups; g++) {
                PhraseMatch m = best[g];
                if (m != null) {
                    if (m.from() >= lastEnd[g]) {
                        bucket(byGroup, g).add(m);
                        lastEnd[g] = m.to();
                    }
                    best[g] = null;
                }
            }
        }
        return byGroup;
    }

    private static List<PhraseMatch> bucket(List<PhraseMatch>[] byGroup, int g) {
        if (byGroup[g] == null) {
            byGroup[g] = new ArrayList<>(2);
        }
        return byGroup[g];
    }

    private static void walk(Node node, TokenizedText text, int from, int pos, List<PhraseMatch> out) {
        if (node.entries != null && pos > from) {
            for (Entry e : node.entries) {
                out.add(new PhraseMatch(e.group(), e.signal(), from, pos, e.method(), e.affect()));
            }
        }
        if (pos >= text.size || text.sentence[pos] != text.sentence[from]) {
            return;
        }
        if (node.children != null && text.known[pos]) {
            Node next = node.children.get(text.tokens[pos]);
            if (next != null) {
                walk(next, text, from, pos + 1, out);
            }
        }
        if (node.any != null) {
            walk(node.any, text, from, pos + 1, out);
        }
    }
}
