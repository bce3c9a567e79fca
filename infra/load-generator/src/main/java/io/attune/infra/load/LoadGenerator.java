package io.attune.infra.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;

/**
 * Posts submissions to journal-service at a fixed rate and times each one from its intended send time until its
 * recommendation appears on the recommendations topic; prints a progress line every second and a summary at
 * the end. Each submission uses its own client id, so correlation is exact. Exits 1 when anything was lost or
 * duplicated, 2 on bad usage.
 */
public final class LoadGenerator {

    private static final String CONVERSATION = """
            {"relationship":"partner","clientSpeaker":"Steve","turns":[\
            {"speaker":"Ann","text":"Guess what happened today - my supervisor called me stupid again. \
            This is the third time, ugh I hate him!"},\
            {"speaker":"Steve","text":"That sucks! Just forget it."}]}""";
    private static final String JOURNAL = """
            {"text":"At dinner I kept scrolling my phone while my partner talked about her day. When she went \
            quiet I felt guilty and a bit embarrassed, because I had not heard half of it.",\
            "emotions":[{"label":"guilty","intensity":6}],"context":"partner"}""";

    private final Options options;
    private final Tally tally = new Tally();
    private final HttpClient http;
    private final ExecutorService callbacks = Executors.newFixedThreadPool(2, daemon("http-callback"));

    private LoadGenerator(Options options) {
        this.options = options;
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .executor(callbacks).build();
    }

    public static void main(String[] args) throws Exception {
        if (java.util.Arrays.asList(args).contains("--help") || java.util.Arrays.asList(args).contains("-h")) {
            System.out.print(Options.USAGE);
            return;
        }
        Options options;
        try {
            options = Options.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("attune load: " + e.getMessage());
            System.err.print(Options.USAGE);
            System.exit(2);
            return;
        }
        int status = new LoadGenerator(options).run();
        System.exit(status);
    }

    private int run() throws InterruptedException {
        Schedule schedule = options.schedule();
        System.out.printf(Locale.ROOT, "Attune load: %.1f submissions/s for %s s (%s), %d submissions to %s;"
                + " watching '%s' on %s%n", schedule.rate(), trim(schedule.seconds()), options.mix(),
                schedule.total(), options.journalUrl(), options.topic(), options.bootstrapServers());
        Map<String, Long> pids = ProcessCpu.pids(options.pidDir());
        try (RecommendationWatcher watcher = new RecommendationWatcher(options.bootstrapServers(), options.topic(),
                tally)) {
            watcher.start(Duration.ofSeconds(40));
            Map<String, Double> cpuBefore = ProcessCpu.snapshot(pids);
            long start = System.nanoTime() + 50_000_000L;
            ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor(daemon("progress"));
            progress.scheduleAtFixedRate(() -> progress(start), 1, 1, TimeUnit.SECONDS);
            send(schedule, start);
            long sendEnd = System.nanoTime();
            long deadline = sendEnd + options.drain().toNanos();
            while (System.nanoTime() < deadline && (tally.posting() > 0 || tally.awaiting() > 0)) {
                Thread.sleep(20);
            }
            progress.shutdownNow();
            long end = System.nanoTime();
            Map<String, Double> cpuAfter = ProcessCpu.snapshot(pids);
            summary(start, sendEnd, end, cpuBefore, cpuAfter);
        }
        callbacks.shutdownNow();
        return tally.lost() == 0 && tally.duplicated() == 0 && tally.failed() == 0 && tally.rejected() == 0 ? 0 : 1;
    }

    private void send(Schedule schedule, long start) {
        long total = schedule.total();
        for (long i = 0; i < total; i++) {
            long due = start + schedule.dueNanos(i);
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            post(i, due);
        }
    }

    private void post(long index, long due) {
        String clientId = options.clientPrefix() + "-" + index;
        boolean conversation = options.mix().kindOf(index) == Mix.Kind.CONVERSATION;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(options.journalUrl() + "/api/v1/clients/"
                        + clientId + (conversation ? "/conversations" : "/journal-entries")))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(conversation ? CONVERSATION : JOURNAL));
        options.token().ifPresent(token -> request.header("Authorization", "Bearer " + token));
        tally.sent(clientId, due);
        http.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
            if (error != null) {
                tally.fail();
            } else if (response.statusCode() / 100 == 2) {
                tally.accepted(clientId, System.nanoTime());
            } else {
                tally.reject();
            }
        });
    }

    private void progress(long start) {
        System.out.printf(Locale.ROOT, "[%4ds] sent %d  accepted %d  recommended %d  in flight %d (posting %d)"
                + "  rejected %d  failed %d%n", Math.round((System.nanoTime() - start) / 1e9), tally.sent(),
                tally.accepted(), tally.recommended(), tally.awaiting() + tally.posting(), tally.posting(),
                tally.rejected(), tally.failed());
    }

    private void summary(long start, long sendEnd, long end, Map<String, Double> cpuBefore,
            Map<String, Double> cpuAfter) {
        double sendSeconds = (sendEnd - start) / 1e9;
        long last = tally.lastRecommendationNanos();
        double untilLast = last > start ? (last - start) / 1e9 : Double.NaN;
        Histogram e2e = tally.toRecommendation();
        Histogram post = tally.toAccepted();
        System.out.println();
        System.out.println("== Summary ==");
        System.out.printf(Locale.ROOT, "offered      %.1f/s for %.1f s: %d sent, %d accepted, %d rejected, %d failed%n",
                options.schedule().rate(), sendSeconds, tally.sent(), tally.accepted(), tally.rejected(),
                tally.failed());
        System.out.printf(Locale.ROOT, "achieved     %.1f accepted/s over the send window; %d recommended,"
                + " %.1f/s from start to the last recommendation%n", tally.accepted() / sendSeconds,
                tally.recommended(), tally.recommended() / untilLast);
        System.out.printf(Locale.ROOT, "lost         %d (accepted, no recommendation after %.0f s of draining)%n",
                tally.lost(), options.drain().toMillis() / 1000.0);
        System.out.printf(Locale.ROOT, "duplicated   %d (recommendation events delivered more than once)%n",
                tally.duplicated());
        System.out.printf(Locale.ROOT, "POST->recommendation ms  p50 %s  p95 %s  p99 %s  max %s%n",
                ms(e2e, 50), ms(e2e, 95), ms(e2e, 99), maxMs(e2e));
        System.out.printf(Locale.ROOT, "POST->2xx ms             p50 %s  p95 %s  p99 %s  max %s%n",
                ms(post, 50), ms(post, 95), ms(post, 99), maxMs(post));
        if (cpuAfter.isEmpty()) {
            System.out.printf("CPU          no PIDs found in %s (use --pid-dir)%n", options.pidDir());
            return;
        }
        double window = (end - start) / 1e9;
        System.out.printf(Locale.ROOT, "CPU seconds over %.1f s (send + drain), and ms per accepted submission:%n",
                window);
        cpuAfter.forEach((name, after) -> {
            double used = after - cpuBefore.getOrDefault(name, after);
            System.out.printf(Locale.ROOT, "  %-24s %7.2f s  %6.2f cores  %7.3f ms/submission%n", name, used,
                    used / window, tally.accepted() == 0 ? Double.NaN : used * 1000 / tally.accepted());
        });
    }

    private static String ms(Histogram histogram, double percentile) {
        return histogram.getTotalCount() == 0 ? "-"
                : String.format(Locale.ROOT, "%.1f", histogram.getValueAtPercentile(percentile) / 1000.0);
    }

    private static String maxMs(Histogram histogram) {
        return histogram.getTotalCount() == 0 ? "-"
                : String.format(Locale.ROOT, "%.1f", histogram.getMaxValue() / 1000.0);
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
