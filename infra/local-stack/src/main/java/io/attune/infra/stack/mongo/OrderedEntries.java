package io.attune.infra.stack.mongo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

import de.bwaldvogel.mongo.backend.IndexKey;

/**
 * The sorted key space of one index: entry key (index components, plus the document id for non-unique indexes)
 * to the document's position in its collection. Guarded by the owning collection's lock, like the documents.
 */
final class OrderedEntries<P> {

    private final NavigableMap<List<Object>, P> entries;
    private final int width;

    OrderedEntries(List<IndexKey> keys, boolean idSuffix) {
        width = keys.size() + (idSuffix ? 1 : 0);
        boolean[] ascending = new boolean[width];
        for (int i = 0; i < width; i++) {
            ascending[i] = i >= keys.size() || keys.get(i).isAscending();
        }
        entries = new TreeMap<>(new KeyOrder(ascending));
    }

    P get(List<Object> key) {
        return entries.get(key);
    }

    /** Returns false when the key is present already. */
    boolean putIfAbsent(List<Object> key, P position) {
        return entries.putIfAbsent(key, position) == null;
    }

    P remove(List<Object> key) {
        return entries.remove(key);
    }

    NavigableMap<List<Object>, P> view() {
        return entries;
    }

    int size() {
        return entries.size();
    }

    void clear() {
        entries.clear();
    }

    /**
     * The positions between two key prefixes, each padded with a sentinel (so an exclusive bound pads its lower
     * end with {@code HIGHEST} and its upper end with {@code LOWEST}), in index order or reversed.
     */
    Collection<P> range(List<Object> from, KeyOrder.Bound fromFill, List<Object> to, KeyOrder.Bound toFill,
            boolean reverse) {
        NavigableMap<List<Object>, P> sub = entries.subMap(pad(from, fromFill), true, pad(to, toFill), true);
        return reverse ? sub.descendingMap().values() : sub.values();
    }

    private List<Object> pad(List<Object> prefix, KeyOrder.Bound filler) {
        if (prefix.size() == width) {
            return prefix;
        }
        List<Object> padded = new ArrayList<>(width);
        padded.addAll(prefix);
        while (padded.size() < width) {
            padded.add(filler);
        }
        return padded;
    }
}
