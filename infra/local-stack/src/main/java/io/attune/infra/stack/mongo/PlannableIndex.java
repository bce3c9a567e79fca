package io.attune.infra.stack.mongo;

import java.util.Collection;
import java.util.List;

import de.bwaldvogel.mongo.backend.IndexKey;

/** What the {@link QueryPlanner} needs from an index kept in key order. */
interface PlannableIndex<P> {

    String getName();

    List<IndexKey> getKeys();

    boolean isUnique();

    /** Sparse indexes leave out documents that have none of the keys. */
    boolean sparse();

    /** True once any indexed document held an array in a key: one document then has several entries. */
    boolean multikey();

    /**
     * Documents that produced no entry (an empty array in a key). They are candidates for every query so that
     * the index never hides a match.
     */
    Collection<P> unkeyed();

    OrderedEntries<P> entries();
}
