package io.attune.infra.load;

/**
 * Open-loop pacing: submission {@code i} is due at {@code i / rate} seconds after the start, whatever happened
 * to earlier ones. Latency is measured from that intended time, so a stalled system cannot hide its backlog by
 * slowing the generator down (no coordinated omission).
 */
record Schedule(double rate, double seconds) {

    Schedule {
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("rate must be > 0");
        }
        if (!(seconds > 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException("seconds must be > 0");
        }
    }

    long total() {
        return Math.max(1, Math.round(rate * seconds));
    }

    /** Nanoseconds from the start at which submission {@code index} is due. */
    long dueNanos(long index) {
        return Math.round(index * 1e9 / rate);
    }
}
