package com.billingrecon.ingest.partition;

import static org.assertj.core.api.Assertions.assertThat;

import com.billingrecon.job.ExitCode;
import com.billingrecon.support.ChildRun;
import com.billingrecon.support.GeneratedInput;
import com.billingrecon.support.ReportFolders;
import com.billingrecon.support.Run;
import com.billingrecon.support.Slow;
import com.billingrecon.support.Sql;
import com.billingrecon.support.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.messaging.support.MessageBuilder;

/**
 * The manager in this JVM (the nightly command with no local workers) and workers in JVMs of their own
 * ({@code worker --db-url=...}), as an operator or an Indexed Job starts them, on one PostgreSQL.
 */
@Slow
class RemoteWorkersTests {

    private static final Duration WAIT = Duration.ofMinutes(3);
    private static final Pattern RAN = Pattern.compile("this worker ran (\\d+) partitions");

    @Test
    void aWorkerWithNoRunWaitingExitsZeroAfterItsIdleTimeout() throws Exception {
        String db = TestDatabase.freshDatabaseUrl();

        try (ChildRun worker = worker(db, "2s")) {
            assertThat(worker.exitCode()).as(worker.output()).isZero();
            assertThat(worker.output()).contains("No run came within PT2S");
        }
    }

    @Test
    void twoWorkerJvmsTakeTheDaysPartitionsThenExitZeroWhenTheRunIsOverAndTheReportsAreTheOneStepRuns(
            @TempDir Path work) throws Exception {
        Path input = PartitionScenario.write(Files.createDirectories(work.resolve("in")));
        Map<String, byte[]> oneStep = oneStepReports(input, work.resolve("one-step"), PartitionScenario.RUN_DATE);
        String db = TestDatabase.freshDatabaseUrl();

        try (ChildRun first = worker(db, "60s"); ChildRun second = worker(db, "60s")) {
            ExitCode exit = Run.nightly(db, input, work.resolve("out"), PartitionScenario.RUN_DATE,
                    "--partitions=3", "--local-workers=0", "--work-dir=" + work.resolve("buckets"),
                    "--partition-timeout=120s");

            assertThat(exit).isEqualTo(ExitCode.DONE);
            assertThat(first.exitCode()).as(first.output()).isZero();
            assertThat(second.exitCode()).as(second.output()).isZero();
            assertThat(ran(first) + ran(second)).as("4 days of 3 partitions, all run by the workers").isEqualTo(12);
        }
        ReportFolders.assertSameFiles(ReportFolders.snapshot(work.resolve("out")), oneStep);
    }

    @Test
    void aWorkerKilledMidPartitionFailsTheDayWithinTheTimeoutAndTheSameCommandResumesOnlyTheUnfinishedPartitions(
            @TempDir Path work) throws Exception {
        Path input = work.resolve("in");
        GeneratedInput.write(input, LocalDate.parse("2026-10-31"), 1, 240_000);
        Map<String, byte[]> oneStep = oneStepReports(input, work.resolve("one-step"), "2026-10-31");
        String db = TestDatabase.freshDatabaseUrl();
        String[] manager = {"--partitions=3", "--local-workers=0", "--work-dir=" + work.resolve("buckets"),
                "--partition-timeout=20s"};

        // given a worker killed (SIGKILL) after its first partition completed and its second committed chunks
        long killedAt;
        CompletableFuture<ExitCode> firstAttempt = null;
        try (ChildRun worker = worker(db, "60s")) {
            firstAttempt = CompletableFuture.supplyAsync(() -> Run.nightly(db, input, work.resolve("out"),
                    "2026-10-31", manager));
            worker.waitUntil("one partition done and another half done", () -> partitions(db,
                    "status = 'COMPLETED'") == 1 && partitions(db, "status = 'STARTED' AND commit_count >= 2") == 1,
                    WAIT);
            worker.kill();
            killedAt = System.nanoTime();
            try (ChildRun second = secondManager(db, input, work.resolve("out-2"), manager)) {
                assertThat(second.exitCode()).as("a second manager on the same database; its output:\n%s",
                        second.output()).isEqualTo(ExitCode.ANOTHER_RUN.code());
            }
        } finally {
            if (firstAttempt != null) { // not into the next test
                firstAttempt.handle((exit, failure) -> exit).get(90, TimeUnit.SECONDS);
            }
        }

        // then the manager fails the day within its timeout
        assertThat(firstAttempt.get()).isEqualTo(ExitCode.FAILED);
        assertThat(Duration.ofNanos(System.nanoTime() - killedAt)).isLessThan(Duration.ofSeconds(40));
        assertThat(partitions(db, "status = 'COMPLETED'")).isEqualTo(1);
        assertThat(partitions(db, "status = 'FAILED'")).as("the killed one and the one never started").isEqualTo(2);

        // and a request for an execution that is no longer STARTING is dropped, not run
        List<String> killed = Sql.rows(db, "SELECT step_execution_id, version FROM batch_step_execution "
                + "WHERE step_name LIKE 'cdrIngestionPartition:%' AND commit_count > 0 AND status = 'FAILED'").get(0);
        new PartitionRequests(dataSource(db)).channel().send(MessageBuilder.withPayload(new StepExecutionRequest(
                CdrPartitionConfiguration.PARTITION_STEP, Long.parseLong(killed.get(0)))).build());
        try (ChildRun late = worker(db, "2s")) {
            assertThat(late.exitCode()).as(late.output()).isZero();
            assertThat(late.output()).contains("Partition request for execution " + killed.get(0) + " dropped");
        }
        assertThat(Sql.value(db, "SELECT version FROM batch_step_execution WHERE step_execution_id = ?",
                Long.parseLong(killed.get(0)))).isEqualTo(killed.get(1));

        // when the same command runs again with a worker
        try (ChildRun worker = worker(db, "60s")) {
            assertThat(Run.nightly(db, input, work.resolve("out"), "2026-10-31", manager)).isEqualTo(ExitCode.DONE);
            assertThat(worker.exitCode()).as(worker.output()).isZero();
            assertThat(ran(worker)).as("only the two unfinished partitions").isEqualTo(2);
        }

        // then the completed partition was not run again, and the reports are the one-step run's
        assertThat(Sql.rows(db, "SELECT step_name, count(*) FROM batch_step_execution "
                + "WHERE step_name LIKE 'cdrIngestionPartition:%' GROUP BY step_name ORDER BY count(*), step_name"))
                .extracting(row -> row.get(1)).containsExactly("1", "2", "2");
        ReportFolders.assertSameFiles(ReportFolders.snapshot(work.resolve("out")), oneStep);
    }

    @Test
    void aFrozenWorkerWhosePartitionWasFailedCannotCommitWhenItWakes(@TempDir Path work) throws Exception {
        Path input = work.resolve("in");
        GeneratedInput.write(input, LocalDate.parse("2026-10-31"), 1, 120_000);
        Map<String, byte[]> oneStep = oneStepReports(input, work.resolve("one-step"), "2026-10-31");
        String db = TestDatabase.freshDatabaseUrl();
        String[] manager = {"--partitions=2", "--local-workers=0", "--work-dir=" + work.resolve("buckets"),
                "--partition-timeout=15s"};

        // given a worker frozen (SIGSTOP) in the middle of a partition, and the day failed by the manager's timeout
        try (ChildRun frozen = worker(db, "60s")) {
            CompletableFuture<ExitCode> day = CompletableFuture.supplyAsync(() -> Run.nightly(db, input,
                    work.resolve("out"), "2026-10-31", manager));
            try {
                frozen.waitUntil("a partition half done",
                        () -> partitions(db, "status = 'STARTED' AND commit_count >= 1") == 1, WAIT);
                frozen.signal("STOP");
            } finally {
                assertThat(day.get(90, TimeUnit.SECONDS)).isEqualTo(ExitCode.FAILED);
            }
            String history = Sql.value(db, "SELECT count(*) FROM cdr_history");
            String counted = Sql.value(db, "SELECT sum(rows_read) FROM cdr_partition_count");

            // when it wakes
            frozen.signal("CONT");

            // then its next commit fails, it commits nothing, and it ends
            assertThat(frozen.exitCode()).as(frozen.output()).isZero();
            assertThat(frozen.output()).as("its step could not save its end: the version had changed")
                    .containsPattern("cdrIngestionPartition:partition\\d: .*, UNKNOWN");
            assertThat(partitions(db, "status = 'FAILED'")).as("as the manager left them").isEqualTo(2);
            assertThat(Sql.value(db, "SELECT count(*) FROM cdr_history")).isEqualTo(history);
            assertThat(Sql.value(db, "SELECT sum(rows_read) FROM cdr_partition_count")).isEqualTo(counted);
        }

        // and the same command, with another worker, ends the day with the one-step run's reports
        try (ChildRun worker = worker(db, "60s")) {
            assertThat(Run.nightly(db, input, work.resolve("out"), "2026-10-31", manager)).isEqualTo(ExitCode.DONE);
            assertThat(worker.exitCode()).as(worker.output()).isZero();
        }
        ReportFolders.assertSameFiles(ReportFolders.snapshot(work.resolve("out")), oneStep);
    }

    private static ChildRun worker(String db, String idleTimeout) throws Exception {
        return ChildRun.start("worker", "--db-url=" + db, "--db-user=postgres", "--idle-timeout=" + idleTimeout);
    }

    private static ChildRun secondManager(String db, Path input, Path out, String[] options) throws Exception {
        List<String> args = new ArrayList<>(List.of("nightly", "--run-date=2026-10-31", "--input-dir=" + input,
                "--output-dir=" + out, "--db-url=" + db, "--db-user=postgres"));
        args.addAll(List.of(options));
        return ChildRun.start(args.toArray(String[]::new));
    }

    private static Map<String, byte[]> oneStepReports(Path input, Path out, String runDate) {
        assertThat(Run.nightly(TestDatabase.freshDatabaseUrl(), input, out, runDate)).isEqualTo(ExitCode.DONE);
        return ReportFolders.snapshot(out);
    }

    private static long partitions(String db, String condition) {
        try {
            return Long.parseLong(Sql.value(db, "SELECT count(*) FROM batch_step_execution "
                    + "WHERE step_name LIKE 'cdrIngestionPartition:%' AND " + condition));
        } catch (RuntimeException schemaNotThereYet) {
            return 0;
        }
    }

    private static int ran(ChildRun worker) {
        Matcher m = RAN.matcher(worker.output());
        assertThat(m.find()).as(worker.output()).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private static PGSimpleDataSource dataSource(String db) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(db);
        dataSource.setUser("postgres");
        return dataSource;
    }
}
