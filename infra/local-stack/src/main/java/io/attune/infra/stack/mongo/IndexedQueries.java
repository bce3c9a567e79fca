package io.attune.infra.stack.mongo;

import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;

/**
 * The query path shared by the indexed memory and H2 collections (which extend different library classes):
 * plan, read the candidates through the index, and let the library match, sort, skip, limit and project.
 */
final class IndexedQueries {

    /** The library's matching step: filter, optional sort, skip, limit, projection. */
    @FunctionalInterface
    interface Matcher {
        QueryResult match(Document query, Stream<Document> documents, int skip, int limit, int batchSize,
                Comparator<Document> order, Document projection);
    }

    private IndexedQueries() {
    }

    static <P> QueryResult run(List<Index<P>> indexes, Function<P, Document> documents, Matcher matcher,
            Function<Document, Comparator<Document>> comparator, QueryObserver observer, String namespace,
            Document query, Document orderBy, int skip, int limit, int batchSize, Document projection) {
        QueryPlanner.Plan<P> plan = QueryPlanner.plan(indexes, query, orderBy, limit);
        if (plan == null) {
            return null;
        }
        long[] examined = new long[1];
        Stream<Document> candidates = plan.positions().map(documents).peek(document -> examined[0]++);
        // An ordered plan reads in sort order, so the stream stops after skip + limit matches.
        QueryResult result = matcher.match(query, candidates, skip, limit, batchSize,
                plan.ordered() ? null : comparator.apply(orderBy), projection);
        observer.executed(namespace, plan.describe(), examined[0]);
        return result;
    }
}
