package io.attune.infra.stack.mongo;

import java.util.List;

import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;

/** The memory backend's database with ordered unique and secondary indexes. */
final class IndexedMemoryDatabase extends MemoryDatabase implements IndexedDatabase {

    private final IndexedMemoryBackend backend;

    IndexedMemoryDatabase(String name, CursorRegistry cursorRegistry, IndexedMemoryBackend backend) {
        super(name, cursorRegistry);
        this.backend = backend;
    }

    @Override
    public QueryObserver queryObserver() {
        // The library's constructor reads system collections before this field is set.
        return backend == null ? QueryObserver.NONE : backend.queryObserver();
    }

    @Override
    protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
        return new IndexedMemoryCollection(this, collectionName, options, cursorRegistry);
    }

    @Override
    protected Index<Integer> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
            boolean sparse) {
        return new OrderedUniqueIndex<>(indexName, keys, sparse);
    }

    @Override
    protected Index<Integer> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
            boolean sparse) {
        return new OrderedSecondaryIndex<>(indexName, keys, sparse);
    }
}
