package io.attune.infra.testing.fuzz;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Watches the logs of the service under test (it runs in the test's JVM, and Quarkus routes every logger through
 * java.util.logging) for stack traces: a record at INFO or above that carries an exception would print one. A
 * client's mistake must never do that, or anyone could flood the logs.
 */
public final class LogWatch implements AutoCloseable {

    private final List<String> stackTraces = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.INFO.intValue() && record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                String first = trace.toString().lines().limit(4).reduce((a, b) -> a + " | " + b).orElse("");
                stackTraces.add(record.getLevel() + " " + record.getLoggerName() + ": " + first);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private LogWatch() {
        handler.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(handler);
    }

    public static LogWatch start() {
        return new LogWatch();
    }

    /** The first lines of every stack trace logged since {@link #start()}. */
    public List<String> stackTraces() {
        return List.copyOf(stackTraces);
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(handler);
    }
}
