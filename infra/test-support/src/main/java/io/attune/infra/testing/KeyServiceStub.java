package io.attune.infra.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for journal-service's {@code GET /internal/v1/clients/{clientId}/data-key} in the integration tests of
 * scoring-service and recommendation-service, which run without journal-service. The topics of the shared test
 * broker hold events other modules' tests sealed with keys only their journal-service knew; to these services
 * such keys are gone, as after an erasure, so the stub answers 404 (and the consumers skip those events) unless a
 * test registered a key with {@link #put}. One per JVM, on a free port of 127.0.0.1.
 */
public final class KeyServiceStub {

    private static final Map<String, String> ANSWERS = new ConcurrentHashMap<>();
    private static volatile String url;

    private KeyServiceStub() {
    }

    /** The base URL to configure as {@code attune.crypto.key-service.url}, starting the stub on first use. */
    public static synchronized String url() {
        if (url == null) {
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
                server.setExecutor(Executors.newCachedThreadPool(runnable -> {
                    Thread thread = new Thread(runnable, "key-service-stub");
                    thread.setDaemon(true);
                    return thread;
                }));
                server.createContext("/internal/v1/clients/", exchange -> {
                    String[] path = exchange.getRequestURI().getPath().split("/");
                    String body = path.length == 6 ? ANSWERS.get(path[4]) : null;
                    byte[] bytes = (body == null ? "{\"status\":404,\"title\":\"Not Found\"}" : body)
                            .getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type",
                            body == null ? "application/problem+json" : "application/json");
                    exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(bytes);
                    }
                });
                server.start();
                url = "http://127.0.0.1:" + server.getAddress().getPort();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the key service stub", e);
            }
        }
        return url;
    }

    /**
     * Answers for {@code clientId} with this body from now on: the JSON of a wrapped key, as journal-service sends it.
     */
    public static void put(String clientId, String wrappedKeyJson) {
        ANSWERS.put(clientId, wrappedKeyJson);
    }

    /** Answers 404 for {@code clientId} again, as after an erasure. */
    public static void remove(String clientId) {
        ANSWERS.remove(clientId);
    }
}
