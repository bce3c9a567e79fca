package io.attune.chassis.crypto;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.attune.chassis.security.ClientRef;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;

/**
 * A consumer's view of the client data keys that journal-service keeps: fetched from its internal endpoint with
 * the service's token, unwrapped with the master key, and kept in memory for {@code attune.crypto.key-cache.ttl}
 * (bounded in size), so an HTTP call is made once per client per TTL and never per event. "No key" (the client
 * was erased) is remembered for a shorter time. {@link #forget} drops a client at once, when the consumer hears of
 * an erasure.
 */
@ApplicationScoped
public class ClientKeys implements DataKeys {

    static final String PATH = "/internal/v1/clients/%s/data-key";

    private final CryptoConfig.KeyService service;
    private final MasterKey master;
    private final ObjectMapper mapper;
    private final MeterRegistry metrics;
    private final HttpClient http;
    private final AsyncCache<String, Optional<DataKey>> cache;
    /** Key ids known to be replaced (the client was erased and came back), so their events cost no more calls. */
    private final Cache<String, Boolean> replaced;

    public ClientKeys(CryptoConfig config, MasterKey master, ObjectMapper mapper, MeterRegistry metrics) {
        this.service = config.keyService();
        this.master = master;
        this.mapper = mapper;
        this.metrics = metrics;
        this.http = HttpClient.newBuilder().connectTimeout(service.timeout()).build();
        Duration ttl = config.keyCache().ttl();
        Duration missingTtl = config.keyCache().missingTtl();
        this.cache = Caffeine.newBuilder()
                .maximumSize(config.keyCache().maxSize())
                .expireAfter(new Expiry<String, Optional<DataKey>>() {
                    @Override
                    public long expireAfterCreate(String clientId, Optional<DataKey> key, long now) {
                        return (key.isPresent() ? ttl : missingTtl).toNanos();
                    }

                    @Override
                    public long expireAfterUpdate(String clientId, Optional<DataKey> key, long now, long left) {
                        return expireAfterCreate(clientId, key, now);
                    }

                    @Override
                    public long expireAfterRead(String clientId, Optional<DataKey> key, long now, long left) {
                        return left;
                    }
                })
                .buildAsync();
        this.replaced = Caffeine.newBuilder().maximumSize(config.keyCache().maxSize()).expireAfterWrite(ttl).build();
    }

    /**
     * The client's key {@code kid}; empty when journal-service no longer has it (the client was erased, or erased
     * and seen again with a new key). Fails with {@link KeyServiceUnavailableException} when it cannot tell.
     */
    public CompletionStage<Optional<DataKey>> find(String clientId, String kid) {
        if (replaced.getIfPresent(clientId + "|" + kid) != null) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return current(clientId).thenCompose(key -> {
            if (key.isEmpty() || key.get().kid().equals(kid)) {
                return CompletableFuture.completedFuture(key.filter(k -> k.kid().equals(kid)));
            }
            // The cached key is not the one asked for: either the cache is older than a new key (erased and seen
            // again meanwhile), or the event is older than the current key. Ask once; remember the answer.
            cache.synchronous().invalidate(clientId);
            return current(clientId).thenApply(fresh -> {
                if (fresh.isPresent() && fresh.get().kid().equals(kid)) {
                    return fresh;
                }
                replaced.put(clientId + "|" + kid, Boolean.TRUE);
                return Optional.<DataKey>empty();
            });
        });
    }

    /** The client's current key, to seal new words with; empty when the client has none. */
    public CompletionStage<Optional<DataKey>> current(String clientId) {
        return cache.get(clientId, (id, executor) -> fetch(id));
    }

    /** {@link #find} for a worker thread. */
    public Optional<DataKey> await(String clientId, String kid) {
        return join(find(clientId, kid));
    }

    /** {@link #current} for a worker thread. */
    public Optional<DataKey> awaitCurrent(String clientId) {
        return join(current(clientId));
    }

    /** Drops what is cached about the client: called on an erasure, so the key leaves this memory now. */
    public void forget(String clientId) {
        cache.synchronous().invalidate(clientId);
    }

    private Optional<DataKey> join(CompletionStage<Optional<DataKey>> stage) {
        try {
            return stage.toCompletableFuture().get(service.timeout().toMillis() * 2, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime
                    : new KeyServiceUnavailableException("data key fetch failed", new IOException(e.getCause()));
        } catch (TimeoutException e) {
            throw new KeyServiceUnavailableException("data key fetch timed out", new IOException(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeyServiceUnavailableException("interrupted", new IOException(e));
        }
    }

    private CompletableFuture<Optional<DataKey>> fetch(String clientId) {
        HttpRequest request;
        try {
            String id = URLEncoder.encode(clientId, StandardCharsets.UTF_8).replace("+", "%20");
            request = HttpRequest.newBuilder(URI.create(service.url().replaceAll("/+$", "") + PATH.formatted(id)))
                    .timeout(service.timeout())
                    .header("Authorization", "Bearer " + token())
                    .header("Accept", "application/json")
                    .GET().build();
        } catch (IOException e) {
            return CompletableFuture.failedFuture(new KeyServiceUnavailableException(
                    "cannot read attune.crypto.key-service.token-file", e));
        }
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .handle((response, failure) -> {
                    if (failure != null) {
                        throw unavailable(clientId, failure.toString());
                    }
                    return switch (response.statusCode()) {
                        case 200 -> found(clientId, response.body());
                        case 404, 410 -> {
                            metrics.counter("attune.crypto.key-fetches", "outcome", "missing").increment();
                            yield Optional.<DataKey>empty();
                        }
                        default -> throw unavailable(clientId, "HTTP " + response.statusCode());
                    };
                });
    }

    private Optional<DataKey> found(String clientId, byte[] body) {
        try {
            WrappedKey wrapped = mapper.readValue(body, WrappedKey.class);
            if (!clientId.equals(wrapped.clientId())) {
                throw new UnreadableException("the key service answered with another client's key");
            }
            DataKey key = wrapped.unwrap(master);
            metrics.counter("attune.crypto.key-fetches", "outcome", "found").increment();
            return Optional.of(key);
        } catch (IOException | UnreadableException e) {
            // Another master key, or a garbled answer: a configuration fault, retried until an operator fixes it.
            throw unavailable(clientId, "unusable answer: " + e.getMessage());
        }
    }

    private CompletionException unavailable(String clientId, String why) {
        metrics.counter("attune.crypto.key-fetches", "outcome", "failed").increment();
        Log.warnf("No data key for client %s from %s: %s", ClientRef.of(clientId), service.url(), why);
        return new CompletionException(new KeyServiceUnavailableException(why, new IOException(why)));
    }

    private String token() throws IOException {
        if (service.tokenFile().isPresent()) {
            return Files.readString(service.tokenFile().get()).strip();
        }
        return service.token().orElse("");
    }
}
