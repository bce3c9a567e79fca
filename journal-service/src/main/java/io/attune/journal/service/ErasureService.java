package io.attune.journal.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.attune.chassis.security.ClientRef;
import io.attune.journal.messaging.OutboxRelay;
import io.attune.journal.store.ClientKeyStore;
import io.attune.journal.store.ClientStore;
import io.attune.journal.store.ErasureStore;
import io.attune.journal.store.ErasureStore.Erasure;
import io.attune.journal.store.IdempotencyKeys;
import io.attune.journal.store.MaterialStore;
import io.attune.journal.store.TextReadStore;
import io.quarkus.logging.Log;

/**
 * Erases everything journal-service holds about a client and queues a {@code client-erasures} event so the
 * other services purge too. The erasure is recorded before anything is deleted, so a crash part-way still
 * announces it, and a repeated request simply erases again. Deleting the client's data key makes the copies of
 * their words that this service cannot delete (on Kafka, in dead-letter queues, in other apps) unreadable.
 */
@ApplicationScoped
public class ErasureService {

    private final MaterialStore materials;
    private final IdempotencyKeys idempotencyKeys;
    private final ClientStore clients;
    private final TextReadStore textReads;
    private final ErasureStore erasures;
    private final Clock clock;
    private final OutboxRelay relay;
    private final ClientKeyStore keys;

    public ErasureService(MaterialStore materials, IdempotencyKeys idempotencyKeys, ClientStore clients,
            TextReadStore textReads, ErasureStore erasures, Clock clock, OutboxRelay relay, ClientKeyStore keys) {
        this.relay = relay;
        this.keys = keys;
        this.materials = materials;
        this.idempotencyKeys = idempotencyKeys;
        this.clients = clients;
        this.textReads = textReads;
        this.erasures = erasures;
        this.clock = clock;
    }

    public String erase(String clientId) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String erasureId = UUID.randomUUID().toString();
        erasures.add(new Erasure(erasureId, clientId, now));
        long documents = materials.deleteClient(clientId);
        idempotencyKeys.deleteClient(clientId);
        long reads = textReads.erase(clientId, erasureId, now);
        clients.delete(clientId);
        // Last, after the words it seals are gone from here: from now on no copy of them anywhere can be read.
        keys.delete(clientId);
        relay.wake();
        Log.infof("Erased client %s (%d documents, %d audit records); erasure %s queued for the other services",
                ClientRef.of(clientId), documents, reads, erasureId);
        return erasureId;
    }
}
