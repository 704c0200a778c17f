package com.billingrecon.ingest;

import java.util.Locale;
import java.util.Optional;

/**
 * A progress line for a long step, at most every {@link #EVERY_NANOS}: rows so far, rate, and an estimate of the
 * time left from the share of the day's files read so far (characters read against the files' bytes, which is
 * exact for ASCII files and close for others). A short step never logs one.
 */
final class ProgressLine {

    static final long EVERY_NANOS = 5_000_000_000L;

    private final String what;
    private final long totalBytes;
    private final long startNanos;
    private long lastNanos;
    private long rows;

    ProgressLine(String what, long totalBytes, long startNanos) {
        this.what = what;
        this.totalBytes = totalBytes;
        this.startNanos = startNanos;
        this.lastNanos = startNanos;
    }

    /** Counts {@code newRows} more and returns the line to log when it is time for one. */
    Optional<String> advanced(int newRows, long charsRead, long nowNanos) {
        rows += newRows;
        if (nowNanos - lastNanos < EVERY_NANOS) {
            return Optional.empty();
        }
        lastNanos = nowNanos;
        double seconds = (nowNanos - startNanos) / 1e9;
        long rate = seconds <= 0 ? 0 : Math.round(rows / seconds);
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s: %,d rows so far, %,d rows/s", what,
                rows, rate));
        if (totalBytes > 0 && charsRead > 0) {
            double done = Math.min(1.0, (double) charsRead / totalBytes);
            long left = Math.round(seconds * (1 - done) / done);
            line.append(String.format(Locale.ROOT, ", %d%% of the files read, about %d s left", Math.round(done * 100),
                    left));
        }
        return Optional.of(line.toString());
    }
}
