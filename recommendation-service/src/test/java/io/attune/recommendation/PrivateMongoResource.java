package io.attune.recommendation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

import io.attune.infra.testing.AttuneStackResource;
import io.attune.infra.testing.LocalStack;
import io.attune.infra.testing.StackProcess;

/**
 * The shared Kafka broker plus a MongoDB-wire server of this test's own, which the outage test stops and starts
 * again on the same port. The shared MongoDB server is never touched: other tests and engineers use it.
 */
public class PrivateMongoResource extends AttuneStackResource {

    private static volatile StackProcess mongo;

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        StackProcess process = LocalStack.privateMongo(freePort());
        process.start();
        mongo = process;
        config.put("quarkus.mongodb.connection-string",
                "mongodb://127.0.0.1:" + process.port() + "/?uuidRepresentation=standard");
        return config;
    }

    @Override
    public void stop() {
        StackProcess process = mongo;
        if (process != null) {
            process.stop();
        }
        mongo = null;
    }

    /** The private server, for the test to stop and start. */
    static StackProcess mongo() {
        if (mongo == null) {
            throw new IllegalStateException("the private MongoDB-wire server is not running in this class loader");
        }
        return mongo;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
