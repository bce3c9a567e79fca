package io.attune.infra.stack.mongo;

/** A database whose collections report their query plans to an observer. */
interface IndexedDatabase {

    QueryObserver queryObserver();
}
