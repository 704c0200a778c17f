package com.billingrecon.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import com.billingrecon.cli.BillingRecon;
import com.billingrecon.db.Database;
import com.billingrecon.db.RunLock;
import com.billingrecon.job.ExitCode;
import com.billingrecon.support.ChildRun;
import com.billingrecon.support.GeneratedInput;
import com.billingrecon.support.Ledger;
import com.billingrecon.support.ReportFolders;
import com.billingrecon.support.Run;
import com.billingrecon.support.Slow;
import com.billingrecon.support.TestDatabase;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC §7: one run at a time per database, "4: another run holds this database (nothing done)". Two real
 * processes on one embedded data folder, and an in-process run against an external database whose run lock
 * another connection holds.
 */
@Slow
class OneRunAtATimeTests {

    private static final LocalDate FIRST_DAY = LocalDate.parse("2026-10-31");
    private static final String RUN_DATE = "2026-11-01";
    /** Enough rows that the run still works when the second process has started its database. */
    private static final int CDRS_PER_DAY = 40_000;

    @TempDir
    Path work;

    @AfterEach
    void stopServersLeftRunning() throws IOException {
        ChildRun.stopServerOf(work.resolve("db"));
    }

    @Test
    void ofTwoProcessesStartedTogetherOnAnEmptyDataFolderOneRunsAndTheOtherExits4AndTouchesNothing()
            throws Exception {
        // given an input folder and a data folder no run has used yet (the first night)
        Path input = work.resolve("in");
        GeneratedInput.write(input, FIRST_DAY, 2, CDRS_PER_DAY);

        // when two nightly runs start together, then one runs and the other is refused
        twoRunsTogether(input, RUN_DATE);
    }

    @Test
    void ofTwoProcessesStartedTogetherOnADataFolderInUseOneRunsAndTheOtherExits4AndTouchesNothing()
            throws Exception {
        // given a data folder whose database closed the first day (a later night)
        Path input = work.resolve("in");
        GeneratedInput.write(input, FIRST_DAY, 2, CDRS_PER_DAY);
        assertThat(BillingRecon.run("nightly", "--run-date=" + FIRST_DAY, "--input-dir=" + input,
                "--output-dir=" + work.resolve("out"), "--data-dir=" + work.resolve("db"))).isEqualTo(ExitCode.DONE);

        // when two nightly runs for the next day start together, then one runs and the other is refused
        twoRunsTogether(input, RUN_DATE);
    }

    /**
     * Starts two nightly runs together on one data folder and output folder; asserts exactly one exits 0 and the
     * other 4 with a message, and that the output folder is that of a run alone.
     */
    private void twoRunsTogether(Path input, String runDate) throws Exception {
        Path dataDir = work.resolve("db");
        Path output = work.resolve("out");
        int first;
        int second;
        String firstOutput;
        String secondOutput;
        try (ChildRun a = ChildRun.nightly(input, output, runDate, dataDir);
             ChildRun b = ChildRun.nightly(input, output, runDate, dataDir)) {
            first = a.exitCode();
            second = b.exitCode();
            firstOutput = a.output();
            secondOutput = b.output();
        }

        assertThat(List.of(first, second)).as("exit codes; outputs:\n%s\n---\n%s", firstOutput, secondOutput)
                .containsExactlyInAnyOrder(0, 4);
        String refused = first == 4 ? firstOutput : secondOutput;
        assertThat(refused).contains("another run").contains("nothing done");
        // the winner's folders are whole and are those of a run alone
        Path alone = work.resolve("alone");
        assertThat(Run.nightly(TestDatabase.freshDatabaseUrl(), input, alone, runDate)).isEqualTo(ExitCode.DONE);
        ReportFolders.assertSameFiles(ReportFolders.snapshot(output), ReportFolders.snapshot(alone));
    }

    @Test
    void whileAnotherConnectionHoldsTheRunLockOfAnExternalDatabaseNightlyAndRerunExit4AndWriteNothing()
            throws Exception {
        // given a database with a day closed, and another run holding its lock
        Path input = work.resolve("in");
        GeneratedInput.write(input, FIRST_DAY, 2, 100);
        Path output = work.resolve("out");
        String db = TestDatabase.freshDatabaseUrl();
        assertThat(Run.nightly(db, input, output, FIRST_DAY.toString())).isEqualTo(ExitCode.DONE);
        Map<String, byte[]> reports = ReportFolders.snapshot(output);
        Map<String, String> ledger = Ledger.contents(db);
        try (Database other = Database.external(db, "postgres", null);
             RunLock held = RunLock.acquire(other.dataSource())) {

            // when
            Run.Outcome nightly = Run.capturingStderr(
                    () -> Run.nightly(db, input, output, RUN_DATE));
            Run.Outcome rerun = Run.capturingStderr(
                    () -> Run.rerun(db, input, output, "2026-10"));

            // then
            assertThat(nightly.exit()).isEqualTo(ExitCode.ANOTHER_RUN);
            assertThat(nightly.stderr()).contains("another run");
            assertThat(rerun.exit()).isEqualTo(ExitCode.ANOTHER_RUN);
            ReportFolders.assertSameFiles(ReportFolders.snapshot(output), reports);
            assertThat(Ledger.contents(db)).isEqualTo(ledger);
        }

        // and once the lock is released, the same command runs
        assertThat(Run.nightly(db, input, output, RUN_DATE)).isEqualTo(ExitCode.DONE);
        assertThat(ReportFolders.names(output)).containsExactly("nightly-2026-10-31", "nightly-2026-11-01");
    }
}
