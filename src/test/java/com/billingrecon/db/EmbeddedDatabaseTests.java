package com.billingrecon.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.billingrecon.cli.BillingRecon;
import com.billingrecon.job.ExitCode;
import com.billingrecon.support.ChildRun;
import com.billingrecon.support.HoldEmbeddedDatabase;
import com.billingrecon.support.InputFiles;
import com.billingrecon.support.Slow;
import com.billingrecon.support.TestDatabase;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database under a run (SPEC §1, §7): the embedded PostgreSQL outlives a killed run with its data; one run at a
 * time per data folder (file lock) and per database (advisory lock), the second one refused with exit code 4.
 */
@Slow
class EmbeddedDatabaseTests {

    private static final long READY_WAIT_SECONDS = 120;

    @TempDir
    Path work;

    private Process holder;
    private final List<String> holderOutput = new ArrayList<>();

    @AfterEach
    void stopWhatTheTestLeftRunning() throws Exception {
        if (holder != null && holder.isAlive()) {
            holder.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        ChildRun.stopServerOf(work.resolve("db"));
    }

    @Test
    void theEmbeddedDatabaseStartsAgainWithItsDataAfterTheRunHoldingItWasKilled() throws Exception {
        // given a run that wrote a row and was then killed (SIGKILL), leaving its PostgreSQL server behind
        Path dataDir = work.resolve("db");
        startHolder(dataDir, "written before the kill");
        holder.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertThat(holder.isAlive()).isFalse();

        // when a new run opens the same data folder
        try (Database database = Database.embedded(dataDir)) {
            // then the server starts and the committed row is there
            assertThat(notes(database.dataSource())).containsExactly("written before the kill");
        }
    }

    @Test
    void whileARunHoldsTheDataFolderASecondRunIsRefusedAsAnotherRun() throws Exception {
        // given a live run holding the embedded database
        Path dataDir = work.resolve("db");
        startHolder(dataDir, "held");

        // when another run opens the same data folder, then it is refused
        assertThatThrownBy(() -> Database.embedded(dataDir)).isInstanceOf(AnotherRunException.class);
        assertThat(holder.isAlive()).as("the refused run leaves the holder alone").isTrue();
    }

    @Test
    void aNightlyCommandOnADataFolderHeldByAnotherRunExits4AndWritesNothing() throws Exception {
        // given a live run holding the embedded database, and an input folder
        Path dataDir = work.resolve("db");
        startHolder(dataDir, "held");
        Path input = Files.createDirectory(work.resolve("in"));
        InputFiles.in(input).accounts("A1,Alpha,SGD,NO_INVOICE,0,0");
        Path output = work.resolve("out");

        // when
        ExitCode exit = BillingRecon.run("nightly", "--run-date=2026-10-01", "--input-dir=" + input,
                "--output-dir=" + output, "--data-dir=" + dataDir);

        // then
        assertThat(exit).isEqualTo(ExitCode.ANOTHER_RUN);
        assertThat(output).doesNotExist();
    }

    @Test
    void aSecondRunLockOnTheSameDatabaseIsRefusedAndANewOneIsGrantedOnceTheFirstIsClosed() throws Exception {
        // given two runs on one database, each with its own connection pool
        String url = TestDatabase.freshDatabaseUrl();
        try (Database first = Database.external(url, "postgres", null);
             Database second = Database.external(url, "postgres", null)) {
            RunLock firstLock = RunLock.acquire(first.dataSource());

            // when the second asks for the lock, then it is refused
            assertThatThrownBy(() -> RunLock.acquire(second.dataSource())).isInstanceOf(AnotherRunException.class);

            // when the first closes its lock (its pool still open), then the second gets it
            firstLock.close();
            try (RunLock secondLock = RunLock.acquire(second.dataSource())) {
                assertThat(secondLock).isNotNull();
                assertThatThrownBy(() -> RunLock.acquire(first.dataSource()))
                        .as("and now the first one is refused").isInstanceOf(AnotherRunException.class);
            }
        }
    }

    @Test
    void aRunLockIsReleasedWhenTheRunHoldingItEndsSoTheNextRunGetsIt() throws Exception {
        // given a run that took the lock and then ended (lock and database closed, as BillingRecon does)
        String url = TestDatabase.freshDatabaseUrl();
        try (Database first = Database.external(url, "postgres", null);
             RunLock firstLock = RunLock.acquire(first.dataSource())) {
            assertThat(firstLock).isNotNull();
        }

        // when the next run asks for the lock, then it gets it
        try (Database next = Database.external(url, "postgres", null);
             RunLock nextLock = RunLock.acquire(next.dataSource());
             Database third = Database.external(url, "postgres", null)) {
            assertThat(nextLock).isNotNull();
            assertThatThrownBy(() -> RunLock.acquire(third.dataSource())).isInstanceOf(AnotherRunException.class);
        }
    }

    @Test
    void aNightlyCommandOnADatabaseWhoseRunLockIsHeldExits4AndWritesNothing() throws Exception {
        // given another run holding the lock of an external database
        String url = TestDatabase.freshDatabaseUrl();
        Path input = Files.createDirectory(work.resolve("in"));
        InputFiles.in(input).accounts("A1,Alpha,SGD,NO_INVOICE,0,0");
        Path output = work.resolve("out");
        try (Database other = Database.external(url, "postgres", null);
             RunLock held = RunLock.acquire(other.dataSource())) {

            // when
            ExitCode exit = BillingRecon.run("nightly", "--run-date=2026-10-01", "--input-dir=" + input,
                    "--output-dir=" + output, "--db-url=" + url, "--db-user=postgres");

            // then
            assertThat(exit).isEqualTo(ExitCode.ANOTHER_RUN);
            assertThat(output).doesNotExist();
            assertThat(tables(other.dataSource())).as("no migration ran").doesNotContain("input_file");
        }
    }

    /** Starts {@link HoldEmbeddedDatabase} in a child JVM and waits until it holds the database. */
    private void startHolder(Path dataDir, String note) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        holder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                HoldEmbeddedDatabase.class.getName(), dataDir.toString(), note)
                .redirectErrorStream(true)
                .start();
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    synchronized (holderOutput) {
                        holderOutput.add(line);
                    }
                    if (line.equals(HoldEmbeddedDatabase.READY)) {
                        ready.complete(null);
                    }
                }
            } catch (IOException ignored) {
                // the child was killed
            }
            ready.completeExceptionally(new IllegalStateException("the holder ended before it was ready"));
        }, "holder-output");
        reader.setDaemon(true);
        reader.start();
        try {
            ready.get(READY_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            synchronized (holderOutput) {
                throw new AssertionError("the holder did not get ready; its output:\n"
                        + String.join("\n", holderOutput), e);
            }
        }
    }

    private static List<String> notes(DataSource dataSource) throws SQLException {
        return strings(dataSource, "SELECT note FROM survivor ORDER BY note");
    }

    private static List<String> tables(DataSource dataSource) throws SQLException {
        return strings(dataSource, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'");
    }

    private static List<String> strings(DataSource dataSource, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                values.add(result.getString(1));
            }
        }
        return values;
    }
}
