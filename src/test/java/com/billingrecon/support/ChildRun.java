package com.billingrecon.support;

import com.billingrecon.cli.BillingRecon;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The real application in a child JVM, as an operator or a scheduler starts it: so that a test can kill it
 * (SIGKILL: no shutdown hook runs, the embedded PostgreSQL is left running), stop it (SIGTERM) or run two at once.
 */
public final class ChildRun implements AutoCloseable {

    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(4);

    private final Process process;
    private final List<String> output = new ArrayList<>();

    private ChildRun(Process process) {
        this.process = process;
        Thread reader = new Thread(this::collectOutput, "child-output-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code java -cp <test class path> BillingRecon args...}. */
    public static ChildRun start(String... args) throws IOException {
        return startWithHeap("512m", args);
    }

    /** The same with a maximum heap of {@code maxHeap} ({@code -Xmx}), to prove what memory a run needs. */
    public static ChildRun startWithHeap(String maxHeap, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + maxHeap,
                // the operators' configuration: the child's log is its output; the file logback-test.xml opens
                // before Boot takes over is the child's own, so the test run's log is not started over
                "-Dlogging.config=classpath:logback.xml", "-Dtest.log.file=target/child-run.log",
                "-cp", System.getProperty("java.class.path"), BillingRecon.class.getName()));
        command.addAll(List.of(args));
        return new ChildRun(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    /** A nightly command on an embedded database in {@code dataDir}. */
    public static ChildRun nightly(Path input, Path output, String runDate, Path dataDir) throws IOException {
        return start("nightly", "--run-date=" + runDate, "--input-dir=" + input, "--output-dir=" + output,
                "--data-dir=" + dataDir);
    }

    /** Waits for the process to end on its own and returns its exit code. */
    public int exitCode() throws InterruptedException {
        if (!process.waitFor(RUN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the child run did not end within " + RUN_TIMEOUT + "; its output:\n" + output());
        }
        // let the reader take the last lines
        for (int i = 0; i < 50 && readerBusy(); i++) {
            Thread.sleep(10);
        }
        return process.exitValue();
    }

    /** SIGKILL: the process ends at once, in whatever it was doing. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(60, TimeUnit.SECONDS);
    }

    /** SIGTERM, as systemd, Kubernetes or kill send it. */
    public void terminate() {
        process.destroy();
    }

    /** Sends a signal by name ({@code STOP}, {@code CONT}): a frozen process holds its connections and locks. */
    public void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IOException("kill -" + name + " " + process.pid() + " failed");
        }
    }

        public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits until {@code condition} holds, polling; fails if the process ends first or time runs out. */
    public void waitUntil(String what, BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (!process.isAlive()) {
                throw new AssertionError("the child run ended (exit " + process.exitValue() + ") before " + what
                        + "; its output:\n" + output());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + what + " within " + timeout + "; its output:\n" + output());
            }
            Thread.sleep(50);
        }
    }

    public String output() {
        synchronized (output) {
            return String.join("\n", output);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    /**
     * A count from the embedded database a run in {@code dataDir} has started, read while it runs; empty while
     * the server or the table is not there yet.
     */
    public static Optional<Long> count(Path dataDir, String sql) {
        Optional<Integer> port = port(dataDir);
        if (port.isEmpty()) {
            return Optional.empty();
        }
        try (Connection connection = DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + port.get() + "/postgres?user=postgres&connectTimeout=2");
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return Optional.of(result.getLong(1));
        } catch (SQLException e) {
            return Optional.empty();
        }
    }

    /** Stops a PostgreSQL server a killed run left running on {@code dataDir}, so the folder can be deleted. */
    public static void stopServerOf(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return;
        }
        ProcessHandle.of(Long.parseLong(lines.get(0).trim())).filter(ProcessHandle::isAlive).ifPresent(server -> {
            server.destroy();
            server.onExit().orTimeout(60, TimeUnit.SECONDS).join();
        });
    }

    private static Optional<Integer> port(Path dataDir) {
        try {
            List<String> lines = Files.readAllLines(dataDir.resolve("postmaster.pid"));
            return lines.size() > 3 ? Optional.of(Integer.parseInt(lines.get(3).trim())) : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private volatile boolean reading = true;

    private boolean readerBusy() {
        return reading;
    }

    private void collectOutput() {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                synchronized (output) {
                    output.add(line);
                }
            }
        } catch (IOException ignored) {
            // the child was killed
        } finally {
            reading = false;
        }
    }
}
