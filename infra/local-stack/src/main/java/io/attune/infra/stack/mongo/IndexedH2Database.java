package io.attune.infra.stack.mongo;

import java.util.List;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;

/**
 * The H2 backend's database with ordered unique and secondary indexes. Documents and index definitions persist
 * in the MVStore file as before; the index entries live in memory and are rebuilt from the documents when a
 * collection is opened (the library adds every stored document to an empty index it is given).
 */
final class IndexedH2Database extends H2Database implements IndexedDatabase {

    // H2Database's constructor opens the existing collections (calling openOrCreateCollection below) before a
    // subclass can assign fields, so the store is handed over through this thread-local for that phase.
    private static final ThreadLocal<MVStore> OPENING = new ThreadLocal<>();

    private final MVStore mvStore;
    private final IndexedH2Backend backend;

    IndexedH2Database(String name, MVStore mvStore, CursorRegistry cursorRegistry, IndexedH2Backend backend) {
        super(name, opening(mvStore), cursorRegistry);
        OPENING.remove();
        this.mvStore = mvStore;
        this.backend = backend;
    }

    private static MVStore opening(MVStore mvStore) {
        OPENING.set(mvStore);
        return mvStore;
    }

    @Override
    public QueryObserver queryObserver() {
        return backend == null ? QueryObserver.NONE : backend.queryObserver();
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        MVStore store = mvStore != null ? mvStore : OPENING.get();
        String fullName = getFullCollectionNamespace(collectionName);
        MVMap<Object, Document> dataMap = store.openMap("databases." + fullName);
        MVMap<String, Object> metaMap = store.openMap("meta." + fullName);
        return new IndexedH2Collection(this, collectionName, options, dataMap, metaMap, cursorRegistry);
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
            boolean sparse) {
        return new OrderedUniqueIndex<>(indexName, keys, sparse);
    }

    @Override
    protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
            boolean sparse) {
        return new OrderedSecondaryIndex<>(indexName, keys, sparse);
    }
}
