package io.attune.recommendation;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Stands in for journal-service's item reads (GET .../journal-entries/{id}, .../conversations/{id}), which the
 * dashboard's assessment view asks for the client's full text. It answers the items a test registers, as
 * journal-service's API documents them, and remembers the Authorization headers it was sent.
 */
public class JournalStub implements QuarkusTestResourceLifecycleManager {

    static final Map<String, String> ITEMS = new ConcurrentHashMap<>();
    static final List<String> AUTHORIZATIONS = new CopyOnWriteArrayList<>();
    private HttpServer server;

    /** Registers a conversation of {@code clientId} with these turns. */
    static void conversation(String clientId, String id, String... turns) {
        StringBuilder json = new StringBuilder("{\"id\":\"" + id + "\",\"clientId\":\"" + clientId
                + "\",\"relationship\":\"partner\",\"turns\":[");
        for (int i = 0; i < turns.length; i++) {
            json.append(i == 0 ? "" : ",").append("{\"speaker\":\"").append(i % 2 == 0 ? "Client" : "Other")
                    .append("\",\"text\":\"").append(turns[i]).append("\"}");
        }
        ITEMS.put("/api/v1/clients/" + clientId + "/conversations/" + id, json.append("]}").toString());
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/api/v1/clients/", exchange -> {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            String item = ITEMS.get(exchange.getRequestURI().getPath());
            int status = authorization == null || !authorization.startsWith("Bearer ") ? 401 : item == null ? 404 : 200;
            if (authorization != null) {
                AUTHORIZATIONS.add(authorization);
            }
            byte[] body = (status == 200 ? item : "{}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return Map.of("attune.dashboard.journal-url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
