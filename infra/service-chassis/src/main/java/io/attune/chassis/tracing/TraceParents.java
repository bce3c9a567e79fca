package io.attune.chassis.tracing;

import java.util.HashMap;
import java.util.Map;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

/**
 * The W3C {@code traceparent} that carries a trace across an outbox. A relay publishes a document long after the
 * request (or consumed record) that stored it has ended, so the context travels on the document, not in memory.
 */
public final class TraceParents {

    public static final String HEADER = "traceparent";

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

    /** A context whose parent is the stored traceparent; the root context when there is none or it is malformed. */
    public static Context restore(String traceparent) {
        if (traceparent == null) {
            return Context.root();
        }
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), Map.of(HEADER, traceparent), MAP_GETTER);
    }
}
