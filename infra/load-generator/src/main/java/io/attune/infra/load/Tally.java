package io.attune.infra.load;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * What happened to each submission, keyed by its client id (unique per submission, so a recommendation on the
 * topic belongs to exactly one of them). Thread-safe: the pacer, the HTTP callbacks and the Kafka watcher all
 * report here. Times are {@link System#nanoTime()} values; histograms hold microseconds.
 */
final class Tally {

    private static final long HIGHEST_MICROS = 3_600_000_000L;

    private static final int ACCEPTED = 1;
    private static final int RECOMMENDED = 2;

    private static final class Submission {
        final long dueNanos;
        /** ACCEPTED and RECOMMENDED bits, set atomically so that whichever comes second sees the other. */
        final AtomicInteger state = new AtomicInteger();

        Submission(long dueNanos) {
            this.dueNanos = dueNanos;
        }
    }

    private final Map<String, Submission> submissions = new ConcurrentHashMap<>();
    private final Set<String> eventIds = ConcurrentHashMap.newKeySet();
    private final Histogram toRecommendation = new ConcurrentHistogram(HIGHEST_MICROS, 3);
    private final Histogram toAccepted = new ConcurrentHistogram(HIGHEST_MICROS, 3);
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong recommended = new AtomicLong();
    private final AtomicLong duplicated = new AtomicLong();
    private final AtomicLong lastRecommendationNanos = new AtomicLong();
    private final AtomicLong awaiting = new AtomicLong();

    /** Registers the submission before its request leaves, so a fast recommendation always finds it. */
    void sent(String clientId, long dueNanos) {
        submissions.put(clientId, new Submission(dueNanos));
        sent.incrementAndGet();
    }

    void accepted(String clientId, long nowNanos) {
        Submission submission = submissions.get(clientId);
        if (submission == null) {
            return;
        }
        int before = submission.state.getAndUpdate(state -> state | ACCEPTED);
        if ((before & ACCEPTED) == 0) {
            accepted.incrementAndGet();
            toAccepted.recordValue(micros(nowNanos - submission.dueNanos));
            if ((before & RECOMMENDED) == 0) {
                awaiting.incrementAndGet();
            }
        }
    }

    void reject() {
        rejected.incrementAndGet();
    }

    void fail() {
        failed.incrementAndGet();
    }

    /**
     * One record from the recommendations topic. The first recommendation of a submission stops its clock; an
     * event id seen before is a duplicate delivery; records of other clients (another run) are ignored.
     */
    void recommendation(String clientId, String eventId, long nowNanos) {
        Submission submission = clientId == null ? null : submissions.get(clientId);
        if (submission == null) {
            return;
        }
        if (eventId != null && !eventIds.add(eventId)) {
            duplicated.incrementAndGet();
            return;
        }
        int before = submission.state.getAndUpdate(state -> state | RECOMMENDED);
        if ((before & RECOMMENDED) == 0) {
            recommended.incrementAndGet();
            toRecommendation.recordValue(micros(nowNanos - submission.dueNanos));
            lastRecommendationNanos.accumulateAndGet(nowNanos, Math::max);
            if ((before & ACCEPTED) != 0) {
                awaiting.decrementAndGet();
            }
        }
    }

    private static long micros(long nanos) {
        return Math.min(HIGHEST_MICROS, Math.max(0, nanos / 1000));
    }

    long sent() {
        return sent.get();
    }

    long accepted() {
        return accepted.get();
    }

    long rejected() {
        return rejected.get();
    }

    long failed() {
        return failed.get();
    }

    long recommended() {
        return recommended.get();
    }

    long duplicated() {
        return duplicated.get();
    }

    /** Requests sent without a response yet. */
    long posting() {
        return sent.get() - accepted.get() - rejected.get() - failed.get();
    }

    /** Accepted submissions still waiting for their recommendation. */
    long awaiting() {
        return awaiting.get();
    }

    /** Accepted and never recommended: the loss count once the run has drained. */
    long lost() {
        return awaiting();
    }

    long lastRecommendationNanos() {
        return lastRecommendationNanos.get();
    }

    Histogram toRecommendation() {
        return toRecommendation;
    }

    Histogram toAccepted() {
        return toAccepted;
    }
}
