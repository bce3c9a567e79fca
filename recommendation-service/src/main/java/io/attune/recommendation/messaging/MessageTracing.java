package io.attune.recommendation.messaging;

import io.attune.chassis.tracing.TraceParents;
import io.opentelemetry.context.Scope;
import io.smallrye.reactive.messaging.TracingMetadata;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Carries a trace across the recommendation outbox: a change is stored with the context of the score (or request)
 * that caused it ({@link TraceParents#current()}), and the relay publishes it later under that context.
 */
final class MessageTracing {

    private MessageTracing() {
    }

    /**
     * Makes the consumer span of an incoming record current while it is processed. The Kafka connector ends that
     * span before the method runs and only keeps it on the message, so nothing downstream would see it otherwise.
     */
    static Scope enter(Message<?> message) {
        return TracingMetadata.fromMessage(message).map(tracing -> tracing.getCurrentContext().makeCurrent())
                .orElse(Scope.noop());
    }

    /** Tracing metadata for an outgoing message whose parent is the stored traceparent (a new trace if none). */
    static TracingMetadata parent(String traceparent) {
        return TracingMetadata.withCurrent(TraceParents.restore(traceparent));
    }
}
