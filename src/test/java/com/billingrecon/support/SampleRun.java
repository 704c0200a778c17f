package com.billingrecon.support;

import com.billingrecon.job.ExitCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The nightly job run once per test JVM over {@code data-samples/} up to {@link #RUN_DATE} (both month closes of
 * the set and most of its payments), for the tests that read its folders and its ledger without changing them.
 */
public final class SampleRun {

    public static final String RUN_DATE = "2026-10-09";

    private static SampleRun run;

    private final String dbUrl;
    private final Path output;
    private final ExitCode exit;

    private SampleRun(String dbUrl, Path output, ExitCode exit) {
        this.dbUrl = dbUrl;
        this.output = output;
        this.exit = exit;
    }

    public static synchronized SampleRun get() {
        if (run == null) {
            try {
                Path output = Files.createTempDirectory("sample-run");
                String db = TestDatabase.freshDatabaseUrl();
                ExitCode exit = Run.nightly(db, Path.of("data-samples"), output, RUN_DATE);
                run = new SampleRun(db, output, exit);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return run;
    }

    public String dbUrl() {
        return dbUrl;
    }

    public Path output() {
        return output;
    }

    public ExitCode exit() {
        return exit;
    }
}
