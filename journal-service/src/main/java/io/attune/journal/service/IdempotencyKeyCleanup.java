package io.attune.journal.service;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import io.attune.journal.store.IdempotencyKeys;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/** MongoDB-wire has no TTL indexes, so expired idempotency keys are removed on a schedule. */
@ApplicationScoped
public class IdempotencyKeyCleanup {

    private final IdempotencyKeys keys;
    private final Clock clock;

    public IdempotencyKeyCleanup(IdempotencyKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    @Scheduled(every = "${attune.journal.idempotency-cleanup-every}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void run() {
        long removed = keys.deleteExpired(clock.instant());
        if (removed > 0) {
            Log.infof("Removed %d expired idempotency key(s)", removed);
        }
    }
}
