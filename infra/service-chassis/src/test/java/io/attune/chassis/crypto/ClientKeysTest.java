package io.attune.chassis.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The consumers' key client against a stand-in for journal-service's internal endpoint: one call per client while
 * the key is cached, the token on every call, "no key" remembered, an erasure forgotten at once, and an endpoint
 * that cannot answer reported as unavailable rather than as "no key".
 */
class ClientKeysTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final MasterKey master = MasterKey.fromBase64(MasterKey.generateBase64());
    private final Map<String, DataKey> keys = new ConcurrentHashMap<>();
    private final AtomicInteger calls = new AtomicInteger();
    private volatile int failWith;
    private volatile String lastAuthorization;
    private HttpServer server;
    private ClientKeys clientKeys;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/internal/v1/clients/", exchange -> {
            calls.incrementAndGet();
            lastAuthorization = exchange.getRequestHeaders().getFirst("Authorization");
            String clientId = exchange.getRequestURI().getPath().split("/")[4];
            DataKey key = keys.get(clientId);
            int status = failWith != 0 ? failWith : key == null ? 404 : 200;
            byte[] body = status == 200 ? JSON.writeValueAsBytes(WrappedKey.of(master, key))
                    : "{}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        clientKeys = new ClientKeys(config("http://127.0.0.1:" + server.getAddress().getPort()), master, JSON,
                new SimpleMeterRegistry());
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aKeyIsFetchedOnceWithTheServiceTokenAndThenServedFromMemory() {
        DataKey key = DataKey.generate("client-a");
        keys.put("client-a", key);

        for (int i = 0; i < 100; i++) {
            assertThat(clientKeys.await("client-a", key.kid())).hasValueSatisfying(
                    found -> assertThat(found.key().getEncoded()).isEqualTo(key.key().getEncoded()));
        }

        assertThat(calls).hasValue(1);
        assertThat(lastAuthorization).isEqualTo("Bearer service-token");
    }

    @Test
    void noKeyIsRememberedAndAnErasureIsForgottenAtOnce() {
        DataKey key = DataKey.generate("client-a");
        keys.put("client-a", key);
        assertThat(clientKeys.await("client-a", key.kid())).isPresent();

        keys.remove("client-a");
        clientKeys.forget("client-a");
        assertThat(clientKeys.await("client-a", key.kid())).isEmpty();
        assertThat(clientKeys.await("client-a", key.kid())).isEmpty();

        assertThat(calls).hasValue(2);
    }

    @Test
    void anEventOfAReplacedKeyCostsOneCallThenNone() {
        DataKey old = DataKey.generate("client-a");
        DataKey current = DataKey.generate("client-a");
        keys.put("client-a", current);
        assertThat(clientKeys.await("client-a", current.kid())).isPresent();

        for (int i = 0; i < 50; i++) {
            assertThat(clientKeys.await("client-a", old.kid())).isEmpty();
        }

        assertThat(calls).hasValue(2);
        assertThat(clientKeys.await("client-a", current.kid())).isPresent();
    }

    @Test
    void anEndpointThatCannotAnswerIsUnavailableNotAMissingKey() {
        failWith = 503;
        assertThatThrownBy(() -> clientKeys.await("client-a", "kid"))
                .isInstanceOf(KeyServiceUnavailableException.class);
        failWith = 401;
        assertThatThrownBy(() -> clientKeys.await("client-a", "kid"))
                .isInstanceOf(KeyServiceUnavailableException.class);

        failWith = 0;
        DataKey key = DataKey.generate("client-a");
        keys.put("client-a", key);
        assertThat(clientKeys.await("client-a", key.kid())).as("a failure is not cached").isPresent();
    }

    @Test
    void aKeyWrappedWithAnotherMasterKeyIsUnavailableNotOpened() {
        keys.put("client-a", DataKey.generate("client-a"));
        ClientKeys otherMaster = new ClientKeys(config("http://127.0.0.1:" + server.getAddress().getPort()),
                MasterKey.fromBase64(MasterKey.generateBase64()), JSON, new SimpleMeterRegistry());

        assertThatThrownBy(() -> otherMaster.await("client-a", keys.get("client-a").kid()))
                .isInstanceOf(KeyServiceUnavailableException.class);
    }

    private static CryptoConfig config(String url) {
        return new CryptoConfig() {
            @Override
            public Optional<String> masterKey() {
                return Optional.empty();
            }

            @Override
            public Optional<Path> masterKeyFile() {
                return Optional.empty();
            }

            @Override
            public KeyService keyService() {
                return new KeyService() {
                    @Override
                    public String url() {
                        return url;
                    }

                    @Override
                    public Optional<String> token() {
                        return Optional.of("service-token");
                    }

                    @Override
                    public Optional<Path> tokenFile() {
                        return Optional.empty();
                    }

                    @Override
                    public Duration timeout() {
                        return Duration.ofSeconds(3);
                    }
                };
            }

            @Override
            public KeyCache keyCache() {
                return new KeyCache() {
                    @Override
                    public Duration ttl() {
                        return Duration.ofMinutes(5);
                    }

                    @Override
                    public Duration missingTtl() {
                        return Duration.ofSeconds(30);
                    }

                    @Override
                    public long maxSize() {
                        return 100;
                    }
                };
            }
        };
    }
}
