package io.attune.infra.testing;

import java.util.Map;

import io.attune.infra.stack.DevTokens;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points a Quarkus test application at the shared {@link LocalStack}. Dev Services stay off: this is how
 * every service's integration tests get a real Kafka broker and a MongoDB-wire server. The services trust the
 * test signing key, so tests authenticate with {@link TestTokens}, and share the test master key that wraps the
 * clients' data keys. Consumers ask {@link KeyServiceStub} for keys, since journal-service does not run there.
 */
public class AttuneStackResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        LocalStack stack = LocalStack.shared();
        return Map.of(
                "kafka.bootstrap.servers", stack.kafkaBootstrapServers(),
                "quarkus.mongodb.connection-string", stack.mongoUri(),
                "mp.jwt.verify.publickey.location", TestTokens.publicKey().toUri().toString(),
                "mp.jwt.verify.issuer", DevTokens.ISSUER,
                "attune.crypto.master-key-file", TestTokens.masterKey().toString(),
                "attune.crypto.key-service.token", TestTokens.service(),
                "attune.crypto.key-service.url", KeyServiceStub.url());
    }

    @Override
    public void stop() {
        // The stack outlives one test application; LocalStack stops what it started when the JVM exits.
    }
}
