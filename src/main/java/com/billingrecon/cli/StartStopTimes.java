package com.billingrecon.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;

/**
 * Where a run's time goes outside its command: the JVM's start, the database's start, the application context
 * (Flyway's check of the schema in it), the stop. One line in the run's log file, not on the console (an operator
 * reads the steps there); {@code bench/start.sh} reads it.
 */
final class StartStopTimes {

    /** Lines for the log file only: {@link OperatorLines} keeps them off the console. */
    static final Marker LOG_FILE_ONLY = MarkerFactory.getMarker("LOG_FILE_ONLY");

    private static final Logger log = LoggerFactory.getLogger(StartStopTimes.class);

    private final Map<String, Duration> phases = new LinkedHashMap<>();
    private final Instant processStart;
    private Instant mark;

    private StartStopTimes(Instant processStart, Instant now) {
        this.processStart = processStart;
        this.mark = now;
        phases.put("jvm", Duration.between(processStart, now));
    }

    /** From now; the JVM's part is the time since the process started (to the operating system's 10 ms). */
    static StartStopTimes fromProcessStart() {
        Instant now = Instant.now();
        Instant start = ProcessHandle.current().info().startInstant().filter(s -> s.isBefore(now)).orElse(now);
        return new StartStopTimes(start, now);
    }

    /** The time since the last mark goes to {@code phase} (added, if the phase has some already). */
    void mark(String phase) {
        Instant now = Instant.now();
        phases.merge(phase, Duration.between(mark, now), Duration::plus);
        mark = now;
    }

    /** Records a phase measured on another thread, e.g. the database's start beside the context's. */
    void part(String phase, Duration took) {
        phases.put(phase, took);
    }

    String describe() {
        Duration total = Duration.between(processStart, mark);
        return phases.entrySet().stream().map(e -> e.getKey() + " " + seconds(e.getValue()))
                .collect(Collectors.joining(", ", "times (s): ", ", total " + seconds(total)));
    }

    void log() {
        log.info(LOG_FILE_ONLY, describe());
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.3f", duration.toNanos() / 1e9);
    }
}
