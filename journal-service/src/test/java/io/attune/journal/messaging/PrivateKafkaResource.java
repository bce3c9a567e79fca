package io.attune.journal.messaging;

import java.util.HashMap;
import java.util.Map;

import io.attune.infra.testing.AttuneStackResource;
import io.attune.infra.testing.LocalStack;
import io.attune.infra.testing.StackProcess;

/**
 * The shared MongoDB-wire server plus a Kafka broker of this test's own on 19092, which the outage test stops and
 * starts. The shared broker on 9092 is never touched: other services and engineers use it.
 */
public class PrivateKafkaResource extends AttuneStackResource {

    static final int PORT = 19092;
    static final int CONTROLLER_PORT = 19093;

    private static volatile StackProcess broker;

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        StackProcess process = LocalStack.privateKafka(PORT, CONTROLLER_PORT);
        process.start();
        broker = process;
        config.put("kafka.bootstrap.servers", "127.0.0.1:" + PORT);
        return config;
    }

    @Override
    public void stop() {
        StackProcess process = broker;
        if (process != null) {
            process.stop();
        }
        broker = null;
    }

    /** The private broker, for the test to stop and start. */
    static StackProcess broker() {
        if (broker == null) {
            throw new IllegalStateException("the private Kafka broker is not running in this class loader");
        }
        return broker;
    }
}
