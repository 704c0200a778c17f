package com.billingrecon.support;

import com.billingrecon.cli.BillingRecon;
import com.billingrecon.job.ExitCode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Runs {@code nightly}, {@code rerun} or {@code verify} in this JVM as the command line would, against a given database. */
public final class Run {

    private Run() {
    }

    public static ExitCode nightly(String dbUrl, Path input, Path output, String runDate, String... more) {
        return command(dbUrl, input, output, List.of("nightly", "--run-date=" + runDate), more);
    }

    public static ExitCode rerun(String dbUrl, Path input, Path output, String period, String... more) {
        return command(dbUrl, input, output, List.of("rerun", "--period=" + period), more);
    }

    public static ExitCode verify(String dbUrl) {
        return BillingRecon.run("verify", "--db-url=" + dbUrl, "--db-user=postgres");
    }

    private static ExitCode command(String dbUrl, Path input, Path output, List<String> command, String... more) {
        List<String> args = new ArrayList<>(command);
        args.addAll(List.of("--input-dir=" + input, "--output-dir=" + output, "--db-url=" + dbUrl,
                "--db-user=postgres"));
        args.addAll(List.of(more));
        return BillingRecon.run(args.toArray(String[]::new));
    }

    /** What a command printed on stderr, with its exit code: to check the message of a refused run. */
    public record Outcome(ExitCode exit, String stderr) {
    }

    public static Outcome capturingStderr(Supplier<ExitCode> command) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (PrintStream both = new PrintStream(new TeeStream(original, captured), true, StandardCharsets.UTF_8)) {
            System.setErr(both);
            ExitCode exit = command.get();
            both.flush();
            return new Outcome(exit, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(original);
        }
    }

    private static final class TeeStream extends java.io.OutputStream {
        private final java.io.OutputStream first;
        private final java.io.OutputStream second;

        TeeStream(java.io.OutputStream first, java.io.OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws java.io.IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws java.io.IOException {
            first.write(b, off, len);
            second.write(b, off, len);
        }

        @Override
        public void flush() throws java.io.IOException {
            first.flush();
        }
    }
}
