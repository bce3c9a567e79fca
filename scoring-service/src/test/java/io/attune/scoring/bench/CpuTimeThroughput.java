package io.attune.scoring.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Companion to {@link EngineBenchmark} for shared or overloaded machines: it divides operations by the
 * CPU time of the measuring thread rather than by wall time, which estimates throughput per core
 * when other processes compete for the CPUs. It runs the same inputs as the JMH benchmark.
 * Usage: {@code java -cp <test classpath> io.attune.scoring.bench.CpuTimeThroughput [rounds]}
 */
public final class CpuTimeThroughput {
    private static final int OPS_PER_ROUND = 50_000;

    private CpuTimeThroughput() {
    }

    public static void main(String[] args) throws java.io.IOException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 12;
        EngineBenchmark bench = new EngineBenchmark();
        bench.setUp();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long checksum = 0;
        for (int round = 1; round <= rounds; round++) {
            long cpu0 = threads.getCurrentThreadCpuTime();
            long wall0 = System.nanoTime();
            for (int i = 0; i < OPS_PER_ROUND; i++) {
                checksum += bench.conversationFourTurns().overallScore();
            }
            long cpu1 = threads.getCurrentThreadCpuTime();
            long wall1 = System.nanoTime();
            for (int i = 0; i < OPS_PER_ROUND; i++) {
                checksum += bench.journal150Words().overallScore();
            }
            long cpu2 = threads.getCurrentThreadCpuTime();
            long wall2 = System.nanoTime();
            for (int i = 0; i < OPS_PER_ROUND; i++) {
                checksum += bench.conversationFourTurnsCalibrated().overallScore();
            }
            long cpu3 = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < OPS_PER_ROUND; i++) {
                checksum += bench.journal150WordsCalibrated().overallScore();
            }
            long cpu4 = threads.getCurrentThreadCpuTime();
            System.out.printf("round %2d  conversation %,8.0f ops/cpu-s (%,8.0f ops/wall-s)  journal %,8.0f ops/cpu-s"
                    + " (%,8.0f ops/wall-s)  calibrated: conversation %,8.0f journal %,8.0f ops/cpu-s%n", round,
                OPS_PER_ROUND / ((cpu1 - cpu0) / 1e9), OPS_PER_ROUND / ((wall1 - wall0) / 1e9),
                OPS_PER_ROUND / ((cpu2 - cpu1) / 1e9), OPS_PER_ROUND / ((wall2 - wall1) / 1e9),
                OPS_PER_ROUND / ((cpu3 - cpu2) / 1e9), OPS_PER_ROUND / ((cpu4 - cpu3) / 1e9));
        }
        System.out.println("checksum " + checksum);
    }
}
