package io.attune.infra.stack.mongo;

import java.util.Comparator;
import java.util.List;

import de.bwaldvogel.mongo.backend.ValueComparator;

/**
 * Orders index entries component by component, each ascending or descending as the index declares, with
 * {@link Bound} sentinels that sort before or after every value so that a prefix can be turned into a key range.
 */
final class KeyOrder implements Comparator<List<Object>> {

    /** Sentinels: {@code LOWEST} precedes and {@code HIGHEST} follows every value in index order. */
    enum Bound {
        LOWEST, HIGHEST
    }

    // Without list handling: stored components are single values (arrays are multiplied out), so a plain
    // type-then-value order is total and agrees with the query matcher's equality.
    static final Comparator<Object> VALUES = ValueComparator.ascWithoutListHandling();

    private final boolean[] ascending;

    KeyOrder(boolean[] ascending) {
        this.ascending = ascending.clone();
    }

    @Override
    public int compare(List<Object> a, List<Object> b) {
        for (int i = 0; i < ascending.length; i++) {
            Object x = a.get(i);
            Object y = b.get(i);
            if (x == y) {
                continue;
            }
            if (x == Bound.LOWEST || y == Bound.HIGHEST) {
                return -1;
            }
            if (x == Bound.HIGHEST || y == Bound.LOWEST) {
                return 1;
            }
            // Ids and client ids are strings: compare them directly, as the library's comparator would after
            // its type checks (a fifth of the server's samples under load were those checks).
            int c = x instanceof String s && y instanceof String t ? s.compareTo(t) : VALUES.compare(x, y);
            if (c != 0) {
                return ascending[i] ? c : -c;
            }
        }
        return 0;
    }
}
