package io.attune.infra.stack.mongo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;

/**
 * Chooses the index for a query and turns the query's conditions into key ranges over it.
 *
 * <p>An index is usable when its first key is constrained: equality (or {@code $in}) on a run of leading keys,
 * optionally followed by a range on the next one. Among usable indexes the planner prefers a unique index whose
 * every key is fixed (a point lookup), then the longest equality prefix, a range, one that already yields the
 * requested sort order, and finally the narrower index. A plan is <em>ordered</em> when the sort keys are the
 * index keys right after the equality prefix, all in the index direction or all reversed, and the scan has a
 * single range: the collection then stops reading after skip + limit matches instead of sorting.
 */
final class QueryPlanner {

    /** Limits the key ranges a large {@code $in} cross product can expand to. */
    static final int MAX_RANGES = 4096;

    record Range(List<Object> from, KeyOrder.Bound fromFill, List<Object> to, KeyOrder.Bound toFill) {
    }

    record Plan<P>(PlannableIndex<P> index, List<Range> ranges, boolean ordered, boolean reverse,
            boolean withUnkeyed) {

        /** Candidate positions, each once, in index order when the plan is ordered. */
        Stream<P> positions() {
            List<Range> scan = reverse ? reversed(ranges) : ranges;
            // Iterator-backed: a sorted sub-map view counts its entries one by one when asked for its size,
            // which Collection.stream() does, and an ordered read must be able to stop after its limit.
            Stream<P> keyed = scan.stream().flatMap(range -> StreamSupport.stream(Spliterators.spliteratorUnknownSize(
                    index.entries().range(range.from(), range.fromFill(), range.to(), range.toFill(), reverse)
                            .iterator(), Spliterator.ORDERED), false));
            if (index.multikey()) {
                Set<P> seen = new HashSet<>();
                keyed = keyed.filter(seen::add);
            }
            return withUnkeyed ? Stream.concat(index.unkeyed().stream(), keyed) : keyed;
        }

        String describe() {
            return "IXSCAN " + index.getName() + (ordered ? " ordered" : "");
        }

        private static List<Range> reversed(List<Range> ranges) {
            List<Range> copy = new ArrayList<>(ranges);
            Collections.reverse(copy);
            return copy;
        }
    }

    private QueryPlanner() {
    }

    /** The best plan, or null when no index narrows the query (the collection then scans). */
    static <P> Plan<P> plan(List<Index<P>> indexes, Document query, Document orderBy, int limit) {
        QueryConstraints constraints = QueryConstraints.of(query);
        Plan<P> best = null;
        int bestScore = 0;
        for (Index<P> index : indexes) {
            if (!(index instanceof PlannableIndex<?>)) {
                continue;
            }
            @SuppressWarnings("unchecked")
            PlannableIndex<P> candidate = (PlannableIndex<P>) index;
            Candidate<P> c = evaluate(candidate, constraints, orderBy, limit);
            if (c != null && (best == null || c.score > bestScore
                    || (c.score == bestScore && candidate.getKeys().size() < best.index().getKeys().size()))) {
                best = c.plan;
                bestScore = c.score;
            }
        }
        return best;
    }

    private record Candidate<P>(Plan<P> plan, int score) {
    }

    private static <P> Candidate<P> evaluate(PlannableIndex<P> index, QueryConstraints constraints,
            Document orderBy, int limit) {
        List<IndexKey> keys = index.getKeys();
        List<List<Object>> prefixes = new ArrayList<>();
        prefixes.add(List.of());
        int equalKeys = 0;
        boolean singleValued = true;
        QueryConstraints.Field range = null;
        for (IndexKey key : keys) {
            QueryConstraints.Field field = constraints.get(key.getKey());
            if (field == null) {
                break;
            }
            if (field.equal != null) {
                if ((long) prefixes.size() * field.equal.size() > MAX_RANGES) {
                    break;
                }
                List<Object> values = new ArrayList<>(field.equal);
                if (!key.isAscending()) {
                    Collections.reverse(values); // keep the ranges in index order
                }
                List<List<Object>> extended = new ArrayList<>();
                for (List<Object> prefix : prefixes) {
                    for (Object value : values) {
                        List<Object> longer = new ArrayList<>(prefix);
                        longer.add(value);
                        extended.add(longer);
                    }
                }
                prefixes = extended;
                singleValued &= values.size() == 1;
                equalKeys++;
                continue;
            }
            if (field.hasRange()) {
                range = field;
            }
            break;
        }
        boolean constrained = equalKeys > 0 || range != null;
        // A document with an empty array in a key has no entry. It cannot satisfy a condition on that key, and
        // every plan constrains the first key, so only compound indexes (or unconstrained walks) must add them.
        boolean withUnkeyed = !index.unkeyed().isEmpty() && (keys.size() > 1 || !constrained);
        boolean ordered = singleValued && !withUnkeyed && !index.multikey()
                && providesOrder(keys, equalKeys, orderBy) != null;
        boolean reverse = ordered && Boolean.TRUE.equals(providesOrder(keys, equalKeys, orderBy));
        if (!constrained) {
            // No condition on the leading key: an index walk still yields the sort order, and stops early when
            // the read is limited. A sparse index lacks documents, so it cannot stand in for the collection.
            if (!ordered || index.sparse()) {
                return null;
            }
            return new Candidate<>(new Plan<>(index, List.of(new Range(List.of(), KeyOrder.Bound.LOWEST, List.of(),
                    KeyOrder.Bound.HIGHEST)), true, reverse, false), 1);
        }
        List<Range> ranges = new ArrayList<>(prefixes.size());
        for (List<Object> prefix : prefixes) {
            ranges.add(range == null ? new Range(prefix, KeyOrder.Bound.LOWEST, prefix, KeyOrder.Bound.HIGHEST)
                    : rangeOn(prefix, keys.get(equalKeys).isAscending(), range, index.multikey()));
        }
        boolean point = index.isUnique() && equalKeys == keys.size();
        int score = (point ? 10_000 : 0) + equalKeys * 100 + (range != null ? 10 : 0) + (ordered ? 5 : 0);
        return new Candidate<>(new Plan<>(index, ranges, ordered, reverse, withUnkeyed), score);
    }

    /** A range on the key after the prefix, laid out in index order (a descending key swaps the ends). */
    private static Range rangeOn(List<Object> prefix, boolean ascending, QueryConstraints.Field field,
            boolean multikey) {
        Object lower = field.lower;
        Object upper = field.upper;
        if (multikey && lower != null) {
            // Different array elements may satisfy each end, so only one end can bound the scan.
            upper = null;
        }
        List<Object> low = lower == null ? prefix : append(prefix, lower);
        KeyOrder.Bound lowFill = lower == null || field.lowerInclusive ? KeyOrder.Bound.LOWEST : KeyOrder.Bound.HIGHEST;
        List<Object> high = upper == null ? prefix : append(prefix, upper);
        KeyOrder.Bound highFill = upper == null || field.upperInclusive ? KeyOrder.Bound.HIGHEST : KeyOrder.Bound.LOWEST;
        if (ascending) {
            return new Range(low, lowFill, high, highFill);
        }
        // Descending: the upper value comes first in index order; padding flips with the direction.
        return new Range(high, flip(highFill), low, flip(lowFill));
    }

    private static KeyOrder.Bound flip(KeyOrder.Bound bound) {
        return bound == KeyOrder.Bound.LOWEST ? KeyOrder.Bound.HIGHEST : KeyOrder.Bound.LOWEST;
    }

    private static List<Object> append(List<Object> prefix, Object value) {
        List<Object> longer = new ArrayList<>(prefix.size() + 1);
        longer.addAll(prefix);
        longer.add(value);
        return longer;
    }

    /**
     * Whether the index yields the sort order right after its equality prefix: null if not, false when read
     * forwards, true when read backwards.
     */
    static Boolean providesOrder(List<IndexKey> keys, int equalKeys, Document orderBy) {
        if (orderBy == null || orderBy.isEmpty() || orderBy.containsKey("$natural")
                || orderBy.size() > keys.size() - equalKeys) {
            return null;
        }
        Boolean reverse = null;
        int i = equalKeys;
        for (Map.Entry<String, Object> sort : orderBy.entrySet()) {
            IndexKey key = keys.get(i++);
            if (!key.getKey().equals(sort.getKey()) || !(sort.getValue() instanceof Number direction)) {
                return null;
            }
            boolean sortAscending = direction.doubleValue() > 0;
            boolean backwards = sortAscending != key.isAscending();
            if (reverse == null) {
                reverse = backwards;
            } else if (reverse != backwards) {
                return null;
            }
        }
        return reverse;
    }
}
