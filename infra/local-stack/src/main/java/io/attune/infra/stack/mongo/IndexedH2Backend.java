package io.attune.infra.stack.mongo;

import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;

/**
 * mongo-java-server's H2 (MVStore file) backend with the same real indexes as {@link IndexedMemoryBackend}.
 * Index entries are kept in memory and rebuilt from the stored documents on start.
 *
 * <p>Every request (OP_MSG, which is all a current driver sends) is committed to the file before it is answered. The library leaves that to MVStore's
 * background auto-commit (about a second), so a {@code kill -9} lost writes the client had been told were done;
 * a durable outbox cannot stand on that.
 */
public final class IndexedH2Backend extends H2Backend {

    private volatile QueryObserver observer;

    public IndexedH2Backend(String fileName) {
        this(MVStore.open(fileName), QueryObserver.NONE);
    }

    public IndexedH2Backend(MVStore store, QueryObserver observer) {
        super(store);
        this.observer = observer;
    }

    QueryObserver queryObserver() {
        // Databases found in the file are opened by the library's constructor, before this field is set.
        QueryObserver current = observer;
        return current == null ? QueryObserver.NONE : current;
    }

    @Override
    public Document handleMessage(MongoMessage message) {
        try {
            return super.handleMessage(message);
        } finally {
            commit();
        }
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new IndexedH2Database(databaseName, getMvStore(), getCursorRegistry(), this);
    }
}
