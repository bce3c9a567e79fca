package io.attune.infra.stack.mongo;

/**
 * Told how each query ran: the plan ({@code COLLSCAN} or {@code IXSCAN <index>}, with {@code ordered} when the
 * index also yielded the sort order) and how many documents were read to answer it. Tests use it to prove that
 * a query is index-served; the launcher runs without one.
 */
@FunctionalInterface
public interface QueryObserver {

    QueryObserver NONE = (namespace, plan, documentsExamined) -> {
    };

    void executed(String namespace, String plan, long documentsExamined);
}
