package io.attune.infra.stack.mongo;

import org.h2.mvstore.MVMap;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;

/** The H2 backend's collection, answering queries through {@link QueryPlanner} when an index fits. */
final class IndexedH2Collection extends H2Collection {

    IndexedH2Collection(MongoDatabase database, String name, CollectionOptions options,
            MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursorRegistry) {
        super(database, name, options, dataMap, metaMap, cursorRegistry);
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
