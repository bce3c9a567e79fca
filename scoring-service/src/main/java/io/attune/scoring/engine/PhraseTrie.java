package io.attune.scoring.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * All lexicons in one token trie, so a text is scanned once whatever the number of lexicons. A "*" edge
 * matches any single token. Phrases never cross a sentence boundary.
 */
final class PhraseTrie {
    static final String ANY = "*";

    private static final Comparator<PhraseMatch> ORDER = Comparator
        .comparingInt((PhraseMatch m) -> m.group().ordinal())
        .thenComparingInt(PhraseMatch::from)
        .thenComparing(Comparator.comparingInt(PhraseMatch::length).reversed())
        .thenComparing(PhraseMatch::signal);

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
     * Leftmost-longest, non-overlapping matches per group (all matches for safety). Groups are
     * independent: one span may be both a closing comment and an invalidation.
     */
    Map<LexiconGroup, List<PhraseMatch>> match(TokenizedText text) {
        List<PhraseMatch> all = new ArrayList<>();
        for (int i = 0; i < text.size; i++) {
            walk(root, text, i, i, all);
        }
        all.sort(ORDER);
        Map<LexiconGroup, List<PhraseMatch>> byGroup = new EnumMap<>(LexiconGroup.class);
        LexiconGroup current = null;
        int lastEnd = -1;
        List<PhraseMatch> bucket = null;
        for (PhraseMatch m : all) {
            if (m.group() != current) {
                current = m.group();
                lastEnd = -1;
                bucket = new ArrayList<>();
                byGroup.put(current, bucket);
            }
            if (m.group() == LexiconGroup.SAFETY) {
                // Safety keeps overlapping phrases: a concern must never shadow a crisis phrase.
                if (bucket.isEmpty() || !bucket.get(bucket.size() - 1).equals(m)) {
                    bucket.add(m);
                }
            } else if (m.from() >= lastEnd) {
                bucket.add(m);
                lastEnd = m.to();
            }
        }
        return byGroup;
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
        if (node.children != null) {
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
