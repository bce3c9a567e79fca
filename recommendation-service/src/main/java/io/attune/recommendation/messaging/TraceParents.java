package io.attune.recommendation.messaging;

import java.util.HashMap;
import java.util.Map;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.smallrye.reactive.messaging.TracingMetadata;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * The W3C {@code traceparent} that carries a trace across the recommendation outbox: a change is stored with the
 * context of the score (or request) that caused it, and the relay publishes it later under that context.
 */
public final class TraceParents {

    private static final String HEADER = "traceparent";

    private static final TextMapGetter<Map<String, String>> MAP_GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private TraceParents() {
    }

    /** The traceparent of the current span, or null when there is none (tracing off, or no trace). */
    public static String current() {
        Map<String, String> carrier = new HashMap<>();
        W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
        return carrier.get(HEADER);
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
        Context parent = traceparent == null ? Context.root()
                : W3CTraceContextPropagator.getInstance().extract(Context.root(), Map.of(HEADER, traceparent),
                        MAP_GETTER);
        return TracingMetadata.withCurrent(parent);
    }
}
