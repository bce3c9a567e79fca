package io.attune.infra.stack.mongo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Document;

/**
 * A non-unique (optionally compound, sparse or multikey) index kept in key order. Each entry is the index key
 * followed by the document id, as in MongoDB, so equal keys stay distinct and a document's entries can be
 * found again from the document alone when it is updated or removed.
 */
final class OrderedSecondaryIndex<P> extends Index<P> implements PlannableIndex<P> {

    private static final String ID = "_id";

    private final OrderedEntries<P> entries;
    private final Map<Object, P> unkeyed = new LinkedHashMap<>();
    private boolean multikey;

    OrderedSecondaryIndex(String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        entries = new OrderedEntries<>(keys, true);
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

    private boolean skipped(Document document) {
        return isSparse() && keys().stream()
                .allMatch(key -> Utils.getSubdocumentValueCollectionAware(document, key) instanceof Missing);
    }

    private List<List<Object>> entryKeys(Document document) {
        Set<KeyValue> keyValues = getKeyValues(document);
        Object id = document.get(ID);
        List<List<Object>> result = new ArrayList<>(keyValues.size());
        for (KeyValue keyValue : keyValues) {
            List<Object> key = new ArrayList<>(keyValue.size() + 1);
            keyValue.forEach(key::add);
            key.add(id);
            result.add(key);
        }
        return result;
    }

    @Override
    public P getPosition(Document document) {
        if (skipped(document)) {
            return null;
        }
        for (List<Object> key : entryKeys(document)) {
            P position = entries.get(key);
            if (position != null) {
                return position;
            }
        }
        return unkeyed.get(document.get(ID));
    }

    @Override
    public void checkAdd(Document document, MongoCollection<P> collection) {
        // Throws for parallel arrays in a compound key, as MongoDB does.
        getKeyValues(document);
    }

    @Override
    public void add(Document document, P position, MongoCollection<P> collection) {
        if (skipped(document)) {
            return;
        }
        List<List<Object>> keys = entryKeys(document);
        if (keys.isEmpty()) {
            unkeyed.put(document.get(ID), position);
            return;
        }
        if (keys.size() > 1 || holdsArray(document)) {
            multikey = true;
        }
        for (List<Object> key : keys) {
            entries.putIfAbsent(key, position);
        }
    }

    private boolean holdsArray(Document document) {
        return keys().stream()
                .anyMatch(key -> Utils.getSubdocumentValueCollectionAware(document, key) instanceof Collection);
    }

    @Override
    public P remove(Document document) {
        if (skipped(document)) {
            return null;
        }
        P position = unkeyed.remove(document.get(ID));
        for (List<Object> key : entryKeys(document)) {
            P removed = entries.remove(key);
            if (removed != null) {
                position = removed;
            }
        }
        return position;
    }

    /** Unused: the indexed collections plan their queries with {@link QueryPlanner}, which also uses order. */
    @Override
    public boolean canHandle(Document query) {
        return false;
    }

    @Override
    public Iterable<P> getPositions(Document query) {
        throw new UnsupportedOperationException("planned by QueryPlanner");
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
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
        getKeyValues(newDocument);
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, P position, MongoCollection<P> collection) {
        if (skipped(oldDocument) == skipped(newDocument) && nullAwareEqualsKeys(oldDocument, newDocument)) {
            return;
        }
        remove(oldDocument);
        add(newDocument, position, collection);
    }

    @Override
    public void drop() {
        entries.clear();
        unkeyed.clear();
    }
}
