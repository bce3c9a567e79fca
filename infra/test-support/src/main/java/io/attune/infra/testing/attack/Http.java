package io.attune.infra.testing.attack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import io.restassured.RestAssured;

/**
 * Plain HTTP against the application under test, without REST Assured's defaults (a suite must control exactly
 * which Authorization header goes out, and must be able to read an event stream).
 */
public final class Http {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    private Http() {
    }

    public static Answer get(String path, String token) {
        return send("GET", path, token, null);
    }

    public static Answer delete(String path, String token) {
        return send("DELETE", path, token, null);
    }

    public static Answer put(String path, String token, String json) {
        return send("PUT", path, token, json);
    }

    public static Answer post(String path, String token, String json) {
        return send("POST", path, token, json);
    }

    /** A request with a JSON body, or none when {@code json} is null. */
    public static Answer send(String method, String path, String token, String json) {
        HttpRequest.Builder request = request(path, token).timeout(TIMEOUT)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return answer(response, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Opens a Server-Sent Events stream. A refusal comes back as it is; on success, {@code whileOpen} runs once
     * the server has subscribed the stream (so it can cause an event), and the body of the answer is the
     * {@code data:} of the events that arrived within {@code wait}, one per line.
     */
    public static Answer stream(String path, String token, Runnable whileOpen, Duration wait) {
        HttpRequest request = request(path, token).header("Accept", "text/event-stream").GET().build();
        HttpResponse<Stream<String>> response;
        try {
            // The future completes with the headers, i.e. once the server has subscribed the stream.
            response = CLIENT.sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                    .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the stream did not answer", e);
        }
        if (response.statusCode() < 200 || response.statusCode() >= 300) {
            try (Stream<String> lines = response.body()) {
                return answer(response, String.join("\n", lines.toList()));
            }
        }
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        Stream<String> lines = response.body();
        Thread reader = new Thread(() -> {
            try {
                lines.filter(line -> line.startsWith("data:"))
                        .forEach(line -> events.add(line.substring("data:".length()).strip()));
            } catch (UncheckedIOException closedBelow) {
                // Closing the stream ends this thread's read.
            }
        }, "attack-suite-sse");
        reader.setDaemon(true);
        reader.start();
        StringBuilder body = new StringBuilder();
        try {
            whileOpen.run();
            String first = events.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
            if (first != null) {
                body.append(first).append('\n');
                List<String> more = new ArrayList<>();
                events.drainTo(more);
                more.forEach(event -> body.append(event).append('\n'));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            lines.close();
        }
        return answer(response, body.toString());
    }

    private static HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    private static Answer answer(HttpResponse<?> response, String body) {
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                response.headers().firstValue("WWW-Authenticate").orElse(null), body);
    }
}
