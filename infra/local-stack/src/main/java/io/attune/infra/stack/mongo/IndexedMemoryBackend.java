package io.attune.infra.stack.mongo;

import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;

/**
 * mongo-java-server's memory backend with real secondary indexes: non-unique, compound, sparse and multikey
 * indexes are kept in key order and serve equality, {@code $in}, compound-prefix, range and sort queries, and
 * unique indexes (including {@code _id}) serve queries that name more fields than their key. The library alone
 * ignores non-unique indexes and uses a unique one only for a query on exactly its keys, so every other query
 * scans the whole collection.
 */
public final class IndexedMemoryBackend extends MemoryBackend {

    private volatile QueryObserver observer = QueryObserver.NONE;

    public IndexedMemoryBackend() {
    }

    public IndexedMemoryBackend(QueryObserver observer) {
        this.observer = observer;
    }

    QueryObserver queryObserver() {
        return observer;
    }

    @Override
    public MemoryDatabase openOrCreateDatabase(String databaseName) {
        return new IndexedMemoryDatabase(databaseName, getCursorRegistry(), this);
    }
}
