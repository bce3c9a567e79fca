package io.attune.journal.messaging;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

import io.smallrye.health.api.Wellness;

/**
 * Health of the outbox producer. Readiness deliberately does not depend on the broker: intake stores to MongoDB and
 * keeps accepting through a Kafka outage, and the relay publishes later. So the broker's state is reported where
 * monitoring reads it ({@code /q/health/well}, {@code attune_outbox_pending} and the producer's client metrics),
 * while readiness and liveness only fail when the relay itself is gone, which a restart fixes.
 */
final class OutboxHealth {

    private OutboxHealth() {
    }

    /** The relay loop is alive; if it died, nothing would ever be published again until a restart. */
    @Liveness
    @Readiness
    @ApplicationScoped
    static class RelayRunning implements HealthCheck {

        private final OutboxRelay relay;

        RelayRunning(OutboxRelay relay) {
            this.relay = relay;
        }

        @Override
        public HealthCheckResponse call() {
            return HealthCheckResponse.named("outbox-relay").status(relay.isRunning()).build();
        }
    }

    /** DOWN while the latest publication attempt failed, i.e. the broker is unreachable or refusing the events. */
    @Wellness
    @ApplicationScoped
    static class ProducerPublishing implements HealthCheck {

        private final EventPublisher publisher;

        ProducerPublishing(EventPublisher publisher) {
            this.publisher = publisher;
        }

        @Override
        public HealthCheckResponse call() {
            Instant acknowledged = publisher.lastAcknowledged();
            Instant failed = publisher.lastFailed();
            boolean failing = failed != null && (acknowledged == null || failed.isAfter(acknowledged));
            HealthCheckResponseBuilder response = HealthCheckResponse.named("kafka-outbox-producer").status(!failing);
            if (acknowledged != null) {
                response.withData("lastAcknowledged", acknowledged.toString());
            }
            if (failing) {
                response.withData("lastFailed", failed.toString()).withData("failure", publisher.lastFailure());
            }
            return response.build();
        }
    }
}
