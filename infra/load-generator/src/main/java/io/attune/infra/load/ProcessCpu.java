package io.attune.infra.load;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * CPU seconds (user + system, all threads) of the processes whose PIDs sit in {@code <dir>/<name>.pid}, as
 * {@code infra/bin/attune up} leaves them in {@code .run/}, read from {@code /proc/<pid>/stat}.
 */
final class ProcessCpu {

    /** USER_HZ: the unit of utime and stime in /proc; 100 on every Linux architecture Java runs on. */
    static final double TICKS_PER_SECOND = 100.0;

    private ProcessCpu() {
    }

    /** Service name to PID for every readable {@code *.pid} file in the directory. */
    static Map<String, Long> pids(Path dir) {
        Map<String, Long> pids = new TreeMap<>();
        if (dir == null || !Files.isDirectory(dir)) {
            return pids;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.pid")) {
            for (Path file : files) {
                String name = file.getFileName().toString().replaceFirst("\\.pid$", "");
                try {
                    pids.put(name, Long.parseLong(Files.readString(file).trim()));
                } catch (IOException | NumberFormatException e) {
                    // An unreadable or half-written PID file: that process is not reported.
                }
            }
        } catch (IOException e) {
            return pids;
        }
        return pids;
    }

    static OptionalDouble seconds(long pid) {
        try {
            return OptionalDouble.of(parseStat(Files.readString(Path.of("/proc", Long.toString(pid), "stat"))));
        } catch (IOException | RuntimeException e) {
            return OptionalDouble.empty();
        }
    }

    /** utime + stime of a {@code /proc/<pid>/stat} line, in seconds. The command name may contain spaces. */
    static double parseStat(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        // fields[0] is field 3 (state); utime and stime are fields 14 and 15.
        long utime = Long.parseLong(fields[11]);
        long stime = Long.parseLong(fields[12]);
        return (utime + stime) / TICKS_PER_SECOND;
    }

    /** CPU seconds per named process now; processes that are gone are left out. */
    static Map<String, Double> snapshot(Map<String, Long> pids) {
        Map<String, Double> cpu = new TreeMap<>();
        pids.forEach((name, pid) -> seconds(pid).ifPresent(s -> cpu.put(name, s)));
        return cpu;
    }
}
