package io.attune.journal.messaging;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.attune.chassis.crypto.DataKey;
import io.attune.chassis.crypto.SealedFields;
import io.attune.journal.ConversationSample;
import io.attune.journal.JournalEntry;
import io.attune.journal.config.JournalConfig;
import io.attune.journal.store.ClientKeyStore;
import io.attune.journal.store.ClientStore;
import io.attune.journal.store.ErasureStore;
import io.attune.journal.store.ErasureStore.Erasure;
import io.attune.journal.store.MaterialKind;
import io.attune.journal.store.MaterialStore;
import io.attune.journal.store.MaterialStore.PendingMaterial;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Publishes pending documents to Kafka and marks each one published only after the broker acknowledged it.
 * Everything lives in MongoDB, so a Kafka outage or a restart only delays publication: the next pass picks up
 * where the last one stopped. Several replicas may publish the same document twice; the event id is the
 * document id, so consumers drop the repeat.
 *
 * <p>The relay runs on its own thread: it is woken as soon as something is stored, and otherwise looks for
 * pending documents every {@code attune.journal.outbox.poll-every}.
 */
@ApplicationScoped
public class OutboxRelay {

    /** The relay stops at this priority of {@link ShutdownEvent}; the producer closes after it. */
    static final int SHUTDOWN_PRIORITY = Interceptor.Priority.APPLICATION + 500;

    /** The members of journal events that carry the client's words: the entry's text and each turn's text. */
    static final Predicate<String> WORDS = SealedFields.named("text");

    private final MaterialStore materials;
    private final ErasureStore erasures;
    private final ClientStore clients;
    private final EventPublisher publisher;
    private final JournalConfig config;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final ClientKeyStore clientKeys;
    private final ObjectMapper mapper;
    private final AtomicLong pending = new AtomicLong();
    private final Semaphore wakeUp = new Semaphore(0);
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> new Thread(r, "outbox-relay"));
    private volatile boolean running;
    private volatile boolean loopAlive;

    public OutboxRelay(MaterialStore materials, ErasureStore erasures, ClientStore clients, EventPublisher publisher,
            JournalConfig config, Clock clock, MeterRegistry metrics, ClientKeyStore clientKeys, ObjectMapper mapper) {
        this.clientKeys = clientKeys;
        this.mapper = mapper;
        this.materials = materials;
        this.erasures = erasures;
        this.clients = clients;
        this.publisher = publisher;
        this.config = config;
        this.clock = clock;
        this.metrics = metrics;
        metrics.gauge("attune.outbox.pending", pending);
    }

    void start(@Observes StartupEvent event) {
        running = true;
        thread.execute(this::loop);
    }

    /** Asks for a pass now rather than at the next poll. */
    public void wake() {
        wakeUp.release();
    }

    /** Whether the relay loop is alive: false before start, after stop, or if the loop died. */
    public boolean isRunning() {
        return running && loopAlive;
    }

    /**
     * Stops taking new passes and waits for the current one, so every event handed to Kafka is either acknowledged
     * and marked published, or left pending for the next instance. Runs on shutdown, before the producer closes.
     */
    void onShutdown(@Observes @Priority(SHUTDOWN_PRIORITY) ShutdownEvent event) {
        stop();
    }

    @PreDestroy
    void stop() {
        running = false;
        wake();
        thread.shutdown();
        try {
            thread.awaitTermination(config.outbox().sendTimeout().toSeconds() + 5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void loop() {
        loopAlive = true;
        try {
            loopUntilStopped();
        } finally {
            loopAlive = false;
        }
    }

    private void loopUntilStopped() {
        while (running) {
            long pause = config.outbox().pollEvery().toMillis();
            try {
                if (!pass()) {
                    pause = config.outbox().retryBackoff().toMillis();
                }
            } catch (RuntimeException e) {
                // MongoDB unreachable or similar: nothing is lost, the documents stay pending.
                Log.warnf("Outbox pass failed: %s", e.toString());
                pause = config.outbox().retryBackoff().toMillis();
            }
            try {
                wakeUp.tryAcquire(pause, TimeUnit.MILLISECONDS);
                wakeUp.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Publishes what is pending; returns false when the broker did not take everything. */
    boolean pass() {
        Backlog backlog = new Backlog();
        boolean complete = relayErasures(backlog)
                && relayAccess(backlog)
                && relay(MaterialKind.JOURNAL_ENTRY, Topics.JOURNAL_ENTRIES, backlog)
                && relay(MaterialKind.CONVERSATION, Topics.CONVERSATION_SAMPLES, backlog);
        // A complete pass whose every read came back short of a batch published all that was pending: nothing
        // to count. Otherwise count (index-served count commands).
        pending.set(complete && backlog.sawEverything ? 0
                : materials.countPending(MaterialKind.JOURNAL_ENTRY) + materials.countPending(MaterialKind.CONVERSATION)
                        + erasures.countPending() + clients.countPendingAccess());
        return complete;
    }

    /** What one pass learned about the pending documents it did not publish. */
    private static final class Backlog {
        boolean sawEverything = true;

        void read(int size, int batchSize) {
            sawEverything &= size < batchSize;
        }
    }

    private boolean relay(MaterialKind kind, String topic, Backlog backlog) {
        List<PendingMaterial> batch = materials.pending(kind, config.outbox().batchSize());
        backlog.read(batch.size(), config.outbox().batchSize());
        if (batch.isEmpty()) {
            return true;
        }
        Map<String, DataKey> keys = keys(kind, batch);
        List<PendingMaterial> sealed = new ArrayList<>(batch.size());
        List<EventPublisher.OutgoingEvent> events = new ArrayList<>(batch.size());
        for (PendingMaterial pending : batch) {
            DataKey key = keys.get(pending.material().clientId());
            if (key == null) {
                // Erased while this pass ran: the document is gone, and so is the key its words would need.
                continue;
            }
            sealed.add(pending);
            events.add(toEvent(topic, pending, key));
        }
        int acknowledged = events.isEmpty() ? 0 : publisher.publish(events);
        if (acknowledged > 0) {
            // One update for the acknowledged prefix of the batch instead of one round trip per document.
            materials.markPublished(kind, sealed.subList(0, acknowledged).stream().map(p -> p.material().id())
                    .toList(), clock.instant());
        }
        count(topic, acknowledged, events.size() - acknowledged);
        return acknowledged == events.size();
    }

    /**
     * The data keys of the batch's clients, in one query. Material stored before keys existed (pending at an
     * upgrade) gets its key now, but only while it is still stored: a client erased meanwhile gets no new key.
     */
    private Map<String, DataKey> keys(MaterialKind kind, List<PendingMaterial> batch) {
        Map<String, DataKey> keys = new HashMap<>(clientKeys.find(
                batch.stream().map(pending -> pending.material().clientId()).collect(Collectors.toSet())));
        for (PendingMaterial pending : batch) {
            String clientId = pending.material().clientId();
            if (!keys.containsKey(clientId)
                    && materials.find(kind, clientId, pending.material().id()).isPresent()) {
                keys.put(clientId, clientKeys.ensure(clientId, clock.instant()));
            }
        }
        return keys;
    }

    private boolean relayErasures(Backlog backlog) {
        List<Erasure> batch = erasures.pending(config.outbox().batchSize());
        backlog.read(batch.size(), config.outbox().batchSize());
        if (batch.isEmpty()) {
            return true;
        }
        // Each erasure goes out twice: the event the other services purge on, and a tombstone that removes the
        // client from the compacted client-access topic. The record is deleted only once both are acknowledged.
        List<EventPublisher.OutgoingEvent> events = new ArrayList<>(batch.size() * 2);
        for (Erasure erasure : batch) {
            // Again, in case a key was made for material read just before the erasure deleted it.
            clientKeys.delete(erasure.clientId());
            events.add(new EventPublisher.OutgoingEvent(Topics.CLIENT_ERASURES, erasure.clientId(),
                    erasure.erasureId(), ClientErasureRequested.TYPE, ClientErasureRequested.SCHEMA,
                    erasure.requestedAt(),
                    new ClientErasureRequested(erasure.erasureId(), erasure.clientId(), erasure.requestedAt()), null));
            events.add(new EventPublisher.OutgoingEvent(Topics.CLIENT_ACCESS, erasure.clientId(),
                    erasure.erasureId(), ClientAccessChanged.TYPE, ClientAccessChanged.SCHEMA, erasure.requestedAt(),
                    null, null));
        }
        int acknowledged = publisher.publish(events);
        for (int i = 0; i + 1 < acknowledged; i += 2) {
            erasures.published(batch.get(i / 2).erasureId());
        }
        count(Topics.CLIENT_ERASURES, acknowledged / 2, batch.size() - acknowledged / 2);
        return acknowledged == events.size();
    }

    private boolean relayAccess(Backlog backlog) {
        List<ClientStore.PendingAccess> batch = clients.pendingAccess(config.outbox().batchSize());
        backlog.read(batch.size(), config.outbox().batchSize());
        if (batch.isEmpty()) {
            return true;
        }
        Instant now = clock.instant();
        List<EventPublisher.OutgoingEvent> events = batch.stream()
                .map(pending -> new EventPublisher.OutgoingEvent(Topics.CLIENT_ACCESS, pending.access().clientId(),
                        ClientAccessChanged.eventId(pending.access().clientId(), pending.seq()), ClientAccessChanged.TYPE,
                        ClientAccessChanged.SCHEMA, now, ClientAccessChanged.of(pending.access(), pending.seq()), null))
                .toList();
        int acknowledged = publisher.publish(events);
        for (int i = 0; i < acknowledged; i++) {
            clients.accessPublished(batch.get(i).access().clientId(), batch.get(i).seq());
        }
        count(Topics.CLIENT_ACCESS, acknowledged, batch.size() - acknowledged);
        return acknowledged == batch.size();
    }

    private void count(String topic, int published, int failed) {
        if (published > 0) {
            metrics.counter("attune.outbox.published", "topic", topic).increment(published);
            Log.debugf("Published %d event(s) to %s", published, topic);
        }
        if (failed > 0) {
            metrics.counter("attune.outbox.deferred", "topic", topic).increment(failed);
        }
    }

    /** The event of a document, the client's words in it sealed with their key ({@code text} members). */
    private EventPublisher.OutgoingEvent toEvent(String topic, PendingMaterial pending, DataKey key) {
        if (pending.material() instanceof JournalEntry entry) {
            return new EventPublisher.OutgoingEvent(topic, entry.clientId(), entry.id(), JournalEntryRecorded.TYPE,
                    JournalEntryRecorded.SCHEMA, entry.recordedAt(), sealed(JournalEntryRecorded.of(entry), key),
                    pending.traceparent());
        }
        ConversationSample sample = (ConversationSample) pending.material();
        return new EventPublisher.OutgoingEvent(topic, sample.clientId(), sample.id(), ConversationSampleRecorded.TYPE,
                ConversationSampleRecorded.SCHEMA, sample.recordedAt(), sealed(ConversationSampleRecorded.of(sample), key),
                pending.traceparent());
    }

    private JsonNode sealed(Object payload, DataKey key) {
        JsonNode tree = mapper.valueToTree(payload);
        SealedFields.sealAll(tree, key, WORDS);
        return tree;
    }
}
