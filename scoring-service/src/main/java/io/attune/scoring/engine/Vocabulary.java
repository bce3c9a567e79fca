package io.attune.scoring.engine;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Every word any lexicon or rule knows, interned once. The tokenizer looks words up straight from its
 * char buffer with the hash it computed while reading them, so known words cost no allocation and no
 * second hash, and the trie can skip unknown words without hashing them at all.
 */
final class Vocabulary {
    static final Vocabulary EMPTY = new Vocabulary(new TreeSet<>(), Map.of());

    private final String[] keys;
    /** The keys' chars, compared directly against the tokenizer's buffer. */
    private final char[][] keyChars;
    private final String[][] parts;
    private final int mask;

    private Vocabulary(Collection<String> words, Map<String, String[]> expansions) {
        TreeSet<String> all = new TreeSet<>(words);
        all.addAll(expansions.keySet());
        for (String[] p : expansions.values()) {
            all.addAll(List.of(p));
        }
        int capacity = Integer.highestOneBit(Math.max(4, all.size() * 3)) << 1;
        this.keys = new String[capacity];
        this.keyChars = new char[capacity][];
        this.parts = new String[capacity][];
        this.mask = capacity - 1;
        for (String w : all) {
            int slot = spread(w.hashCode()) & mask;
            while (keys[slot] != null) {
                slot = (slot + 1) & mask;
            }
            keys[slot] = w;
            keyChars[slot] = w.toCharArray();
        }
        for (int slot = 0; slot < capacity; slot++) {
            if (keys[slot] != null) {
                String[] expansion = expansions.get(keys[slot]);
                if (expansion == null) {
                    parts[slot] = new String[] {keys[slot]};
                } else {
                    String[] canonical = new String[expansion.length];
                    for (int k = 0; k < expansion.length; k++) {
                        canonical[k] = keys[find(expansion[k])];
                    }
                    parts[slot] = canonical;
                }
            }
        }
    }

    static Vocabulary of(Collection<String> words, Map<String, String[]> expansions) {
        return new Vocabulary(words, expansions);
    }

    /** Slot of the word in buf[0, length) whose String-compatible hash is given, or -1. */
    int find(char[] buf, int length, int hash) {
        int slot = spread(hash) & mask;
        char[] k;
        while ((k = keyChars[slot]) != null) {
            if (k.length == length && sameChars(k, buf, length)) {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    int find(String word) {
        int slot = spread(word.hashCode()) & mask;
        String k;
        while ((k = keys[slot]) != null) {
            if (k.equals(word)) {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    /** The interned tokens the word at this slot stands for ("don't" -> "do", "not"). */
    String[] parts(int slot) {
        return parts[slot];
    }

    String canonical(String word) {
        int slot = find(word);
        return slot < 0 ? null : keys[slot];
    }

    /** String hashes of short words cluster in the low bits; linear probing needs them spread. */
    private static int spread(int hash) {
        int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    private static boolean sameChars(char[] k, char[] buf, int length) {
        for (int i = 0; i < length; i++) {
            if (k[i] != buf[i]) {
                return false;
            }
        }
        return true;
    }
}
