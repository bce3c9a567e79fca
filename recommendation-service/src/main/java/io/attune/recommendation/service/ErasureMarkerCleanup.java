package io.attune.recommendation.service;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import io.attune.recommendation.store.ErasureMarkers;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/** MongoDB-wire has no TTL indexes, so expired erasure markers are removed on a schedule. */
@ApplicationScoped
public class ErasureMarkerCleanup {

    private final ErasureMarkers markers;
    private final Clock clock;

    public ErasureMarkerCleanup(ErasureMarkers markers, Clock clock) {
        this.markers = markers;
        this.clock = clock;
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        long removed = markers.deleteExpired(clock.instant());
        if (removed > 0) {
            Log.infof("Removed %d expired erasure marker(s)", removed);
        }
    }
}
