package io.attune.infra.stack.mongo;

import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.bson.Document;

/** The memory backend's collection, answering queries through {@link QueryPlanner} when an index fits. */
final class IndexedMemoryCollection extends MemoryCollection {

    IndexedMemoryCollection(IndexedMemoryDatabase database, String name, CollectionOptions options,
            CursorRegistry cursorRegistry) {
        super(database, name, options, cursorRegistry);
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
            Document projection) {
        QueryObserver observer = ((IndexedDatabase) getDatabase()).queryObserver();
        QueryResult indexed = IndexedQueries.run(getIndexes(), this::getDocument, this::matchDocumentsFromStream,
                order -> deriveComparator(order), observer, getFullName(), query, orderBy, skip, limit, batchSize,
                projection);
        if (indexed != null) {
            return indexed;
        }
        observer.executed(getFullName(), "COLLSCAN", count());
        return matchDocuments(query, orderBy, skip, limit, batchSize, projection);
    }
}
