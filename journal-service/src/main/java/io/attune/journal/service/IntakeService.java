package io.attune.journal.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.attune.journal.Material;
import io.attune.journal.config.JournalConfig;
import io.attune.journal.messaging.OutboxRelay;
import io.attune.journal.store.ClientKeyStore;
import io.attune.journal.store.IdempotencyKeys;
import io.attune.journal.store.IdempotencyKeys.Claim;
import io.attune.journal.store.MaterialKind;
import io.attune.journal.store.MaterialStore;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Accepts material exactly once per {@code Idempotency-Key}. The key is claimed first and the document stored
 * second, with an idempotent insert, so a retry after a crash between the two still stores the document under
 * the id the first attempt was promised.
 */
@ApplicationScoped
public class IntakeService {

    /** The outcome of an accepted request: the id, and whether an earlier request already created it. */
    public record Accepted(String id, boolean replayed) {
    }

    private final MaterialStore materials;
    private final IdempotencyKeys idempotencyKeys;
    private final JournalConfig config;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final OutboxRelay relay;
    private final ClientKeyStore keys;

    public IntakeService(MaterialStore materials, IdempotencyKeys idempotencyKeys, JournalConfig config, Clock clock,
            MeterRegistry metrics, OutboxRelay relay, ClientKeyStore keys) {
        this.relay = relay;
        this.keys = keys;
        this.materials = materials;
        this.idempotencyKeys = idempotencyKeys;
        this.config = config;
        this.clock = clock;
        this.metrics = metrics;
    }

    /**
     * @param idempotencyKey the client's key, or null
     * @param requestHash a hash of the request body, compared when the key is repeated
     * @param build builds the material from its id and the time it was recorded
     * @throws IdempotencyConflictException when the key was used before with a different request
     */
    public Accepted accept(MaterialKind kind, String clientId, String idempotencyKey, String requestHash,
            Function<Recording, Material> build) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String id = UUID.randomUUID().toString();
        boolean replayed = false;
        if (idempotencyKey != null) {
            Claim mine = new Claim(id, requestHash, kind.name());
            Claim recorded = idempotencyKeys.claim(clientId, idempotencyKey, mine, now,
                    now.plus(config.idempotencyTtl()));
            if (!recorded.requestHash().equals(requestHash) || !recorded.operation().equals(kind.name())) {
                throw new IdempotencyConflictException(idempotencyKey);
            }
            replayed = !recorded.resourceId().equals(id);
            id = recorded.resourceId();
        }
        if (!replayed || materials.find(kind, clientId, id).isEmpty()) {
            // The key exists before the words are stored, so the relay never has to make one for them.
            keys.ensure(clientId, now);
            materials.insertIfAbsent(build.apply(new Recording(id, now)));
            relay.wake();
        }
        metrics.counter("attune.intake.accepted", "kind", kind.name().toLowerCase(), "replayed",
                String.valueOf(replayed)).increment();
        return new Accepted(id, replayed);
    }

    /** The id and recording time given to a new document. */
    public record Recording(String id, Instant recordedAt) {
    }
}
