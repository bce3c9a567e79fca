package io.attune.infra.stack.mongo;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;

/** One in-process MongoDB-wire server on a free port with a driver client, and the plans its queries ran with. */
final class MongoFixture implements AutoCloseable {

    record Execution(String namespace, String plan, long documentsExamined) {
    }

    /** Collects executions; the backends call it from their server threads. */
    static final class Recorder implements QueryObserver {
        final List<Execution> executions = new CopyOnWriteArrayList<>();

        @Override
        public void executed(String namespace, String plan, long documentsExamined) {
            executions.add(new Execution(namespace, plan, documentsExamined));
        }
    }

    final Recorder recorder;
    private final MongoServer server;
    private final MongoClient client;

    MongoFixture(MongoBackend backend, Recorder recorder) {
        this.recorder = recorder;
        server = new MongoServer(backend);
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort() + "/?uuidRepresentation=standard");
    }

    static MongoFixture plain() {
        return new MongoFixture(new de.bwaldvogel.mongo.backend.memory.MemoryBackend(), null);
    }

    static MongoFixture indexedMemory() {
        Recorder recorder = new Recorder();
        return new MongoFixture(new IndexedMemoryBackend(recorder), recorder);
    }

    static MongoFixture indexedH2() {
        Recorder recorder = new Recorder();
        return new MongoFixture(new IndexedH2Backend(org.h2.mvstore.MVStore.open(null), recorder), recorder);
    }

    MongoDatabase db() {
        return client.getDatabase("attune");
    }

    void clearExecutions() {
        recorder.executions.clear();
    }

    /** Executions on one collection since the last clear, oldest first. */
    List<Execution> executions(String collection) {
        List<Execution> result = new ArrayList<>();
        for (Execution execution : recorder.executions) {
            if (execution.namespace().equals("attune." + collection)) {
                result.add(execution);
            }
        }
        return result;
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
