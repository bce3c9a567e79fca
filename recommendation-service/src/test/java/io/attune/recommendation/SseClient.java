package io.attune.recommendation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.attune.infra.testing.TestAuth;
import io.attune.infra.testing.TestTokens;

/** Reads the events of one Server-Sent Events response on a background thread, as an app's EventSource would. */
final class SseClient implements AutoCloseable {

    /** One event: its {@code id:} and {@code data:}. */
    record Event(String id, String data) {
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private volatile boolean ended;

    private SseClient(CompletableFuture<HttpResponse<Stream<String>>> response) {
        this.response = response;
    }

    /**
     * Opens the stream of {@code clientId} at {@code baseUri} as the test tenant's app, resuming after
     * {@code lastEventId} if not null.
     */
    static SseClient open(URI baseUri, String clientId, String lastEventId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(baseUri.resolve(
                "/api/v1/clients/" + clientId + "/recommendations/stream")).header("Accept", "text/event-stream")
                .header("Authorization", TestTokens.bearer(TestTokens.app(TestAuth.TENANT)));
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        SseClient client = new SseClient(HTTP.sendAsync(request.GET().build(), HttpResponse.BodyHandlers.ofLines()));
        // The future completes with the headers, i.e. once the server has subscribed this stream.
        HttpResponse<Stream<String>> headers = client.response.get(10, TimeUnit.SECONDS);
        assertThat(headers.statusCode()).isEqualTo(200);
        assertThat(headers.headers().firstValue("content-type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        Thread reader = new Thread(() -> client.read(headers.body()), "sse-client-" + clientId);
        reader.setDaemon(true);
        reader.start();
        return client;
    }

    private void read(Stream<String> lines) {
        String[] id = { null };
        StringBuilder data = new StringBuilder();
        try {
            lines.forEach(line -> {
                if (line.startsWith("id:")) {
                    id[0] = line.substring("id:".length()).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring("data:".length()).strip());
                } else if (line.isEmpty() && !data.isEmpty()) {
                    events.add(new Event(id[0], data.toString()));
                    id[0] = null;
                    data.setLength(0);
                }
            });
        } catch (UncheckedIOException closedByTheTest) {
            // close() ends the stream while this thread still reads it.
        } finally {
            ended = true;
        }
    }

    /** The next event, or null if none arrives within {@code wait}. */
    Event next(Duration wait) throws InterruptedException {
        return events.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The next event's data, or null if none arrives within {@code wait}. */
    String nextData(Duration wait) throws InterruptedException {
        Event event = next(wait);
        return event == null ? null : event.data();
    }

    /** Whether the server ended the response. */
    boolean ended() {
        return ended;
    }

    @Override
    public void close() {
        response.thenAccept(r -> r.body().close());
    }
}
