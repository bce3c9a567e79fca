package io.attune.infra.stack.mongo;

import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Document;

/**
 * A unique index kept in key order. Uniqueness checks and duplicate-key errors stay the library's
 * ({@link AbstractUniqueIndex}); the sorted storage lets the {@link QueryPlanner} use it for queries that name
 * more fields than the key, for key prefixes, ranges and sorts, not only for an exact key match.
 */
final class OrderedUniqueIndex<P> extends AbstractUniqueIndex<P> implements PlannableIndex<P> {

    private static final String ID = "_id";

    private final OrderedEntries<P> entries;
    private final Map<Object, P> unkeyed = new LinkedHashMap<>();
    private boolean multikey;

    OrderedUniqueIndex(String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        entries = new OrderedEntries<>(keys, false);
    }

    private static List<Object> components(KeyValue keyValue) {
        List<Object> key = new ArrayList<>(keyValue.size());
        keyValue.forEach(key::add);
        return key;
    }

    @Override
    protected P removeDocument(KeyValue keyValue) {
        return entries.remove(components(keyValue));
    }

    @Override
    protected boolean putKeyPosition(KeyValue keyValue, P position) {
        return entries.putIfAbsent(components(keyValue), position);
    }

    @Override
    protected Iterable<Entry<KeyValue, P>> getIterable() {
        List<Entry<KeyValue, P>> all = new ArrayList<>(entries.size());
        entries.view().forEach((key, position) -> all.add(new SimpleImmutableEntry<>(new KeyValue(key), position)));
        return all;
    }

    @Override
    protected P getPosition(KeyValue keyValue) {
        return entries.get(components(keyValue));
    }

    @Override
    public synchronized void add(Document document, P position, MongoCollection<P> collection) {
        super.add(document, position, collection);
        if (getKeyValues(document).isEmpty()) {
            unkeyed.put(document.get(ID), position);
        } else if (keys().stream()
                .anyMatch(key -> Utils.getSubdocumentValueCollectionAware(document, key) instanceof Collection)) {
            multikey = true;
        }
    }

    @Override
    public synchronized P remove(Document document) {
        P position = unkeyed.remove(document.get(ID));
        return position != null ? position : super.remove(document);
    }

    @Override
    public P getPosition(Document document) {
        P position = unkeyed.get(document.get(ID));
        return position != null ? position : super.getPosition(document);
    }

    /** Unused: the indexed collections plan their queries with {@link QueryPlanner}, which also uses order. */
    @Override
    public synchronized boolean canHandle(Document query) {
        return false;
    }

    @Override
    public long getCount() {
        return entries.size() + unkeyed.size();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }

    @Override
    public void drop() {
        super.drop();
        entries.clear();
        unkeyed.clear();
    }

    @Override
    public boolean sparse() {
        return isSparse();
    }

    @Override
    public boolean multikey() {
        return multikey;
    }

    @Override
    public Collection<P> unkeyed() {
        return unkeyed.values();
    }

    @Override
    public OrderedEntries<P> entries() {
        return entries;
    }
}
