package com.billingrecon.rerun;

import static org.assertj.core.api.Assertions.assertThat;

import com.billingrecon.job.DayParameters;
import com.billingrecon.job.ExitCode;
import com.billingrecon.support.InputFiles;
import com.billingrecon.support.Report;
import com.billingrecon.support.Run;
import com.billingrecon.support.Slow;
import com.billingrecon.support.Sql;
import com.billingrecon.support.TestDatabase;
import com.billingrecon.support.Verify;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rerun replays from the first day of its period (or later) whose input changed, not from the period's start
 * (SPEC §6 asks for the books of a fresh catch-up; every day before the first change was computed from the very
 * input a replay would read). Given October and the first days of November closed by one nightly run for
 * 2026-11-03, each test changes the input and checks which days {@code rerun --period=2026-10} replayed (the
 * rerun's first day and the job instances it ran) and that its books equal a fresh catch-up's.
 */
@Slow
class RerunFromTheFirstChangedDayFunctionalTests {

    private static final String PERIOD = "2026-10";
    private static final String LAST_RUN_DATE = "2026-11-03";
    private static final String REVISIONS_HEADER = "invoice_no,old_revision,new_revision,old_total,new_total";

    @TempDir
    Path work;

    private Path input;
    private Path output;
    private String db;

    @BeforeEach
    void octoberAndTheFirstDaysOfNovemberClosed() throws IOException {
        input = Files.createDirectory(work.resolve("in"));
        output = work.resolve("out");
        accounts("100");
        files().lines("cdr-2026-10-05.csv", InputFiles.CDR,
                "C1,A1,CALL,2026-10-04T10:00:00Z,60,10,SGD,COMPLETED",
                "C2,A2,SMS,2026-10-04T11:00:00Z,,0.5,SGD,ONGOING");
        files().lines("charges-2026-10-20.csv", InputFiles.CHARGES,
                "CH1,A2,ADDON,2026-10-20,20,SGD,Roaming");
        files().lines("cdr-2026-10-28.csv", InputFiles.CDR,
                "C2,A2,SMS,2026-10-04T11:00:00Z,,0.5,SGD,COMPLETED",
                "C3,A2,CALL,2026-10-27T11:00:00Z,60,5,SGD,COMPLETED");
        files().lines("payments-2026-10-30.csv", InputFiles.PAYMENTS,
                "P1,A2,2026-10-30,21.8,SGD,CARD,INV-A2-CH1");
        files().lines("payments-2026-11-02.csv", InputFiles.PAYMENTS,
                "P2,A1,2026-11-02,5,SGD,BANK,");
        files().lines("cdr-2026-11-03.csv", InputFiles.CDR,
                "C4,A1,CALL,2026-11-03T10:00:00Z,60,4,SGD,COMPLETED");
        db = TestDatabase.freshDatabaseUrl();
        assertThat(Run.nightly(db, input, output, LAST_RUN_DATE)).isEqualTo(ExitCode.DONE);
    }

    @AfterEach
    void theRunningTotalsAgreeWithTheHistory() {
        assertThat(Verify.differences(db)).isEmpty();
    }

    @Test
    void aLateFileOfTheLastDayReplaysThatDayAloneAndGivesTheBooksOfAFreshCatchUp() throws IOException {
        // given a late CDR file dated the last run date, of a period after the rerun's
        files().lines("cdr-2026-11-03-late.csv", InputFiles.CDR,
                "C5,A1,CALL,2026-11-03T12:00:00Z,60,6,SGD,COMPLETED");

        // when
        assertThat(Run.rerun(db, input, output, PERIOD)).isEqualTo(ExitCode.DONE);

        // then
        assertThat(firstReplayedDay()).isEqualTo("2026-11-03");
        assertThat(replayedDays()).isEqualTo(1);
        assertSameBooksAsAFreshCatchUp();
    }

    @Test
    void aCorrectedFileReplaysFromItsDayAndRevisesTheInvoiceItChanges() throws IOException {
        // given C3 corrected from 5 to 8 in a file of 10-28
        files().lines("cdr-2026-10-28.csv", InputFiles.CDR,
                "C2,A2,SMS,2026-10-04T11:00:00Z,,0.5,SGD,COMPLETED",
                "C3,A2,CALL,2026-10-27T11:00:00Z,60,8,SGD,COMPLETED");

        // when
        assertThat(Run.rerun(db, input, output, PERIOD)).isEqualTo(ExitCode.DONE);

        // then 10-28 .. 11-03 are replayed
        assertThat(firstReplayedDay()).isEqualTo("2026-10-28");
        assertThat(replayedDays()).isEqualTo(7);
        assertThat(revisions()).extracting(line -> line.get(0)).containsExactly("INV-A2-202610-U");
        assertSameBooksAsAFreshCatchUp();
    }

    @Test
    void aRerunOverUnchangedInputReplaysNoDayAndWritesAnEmptyRevisionsFile() throws IOException {
        // when
        assertThat(Run.rerun(db, input, output, PERIOD)).isEqualTo(ExitCode.DONE);

        // then
        assertThat(firstReplayedDay()).isEqualTo("2026-11-04");
        assertThat(replayedDays()).isZero();
        assertThat(revisions()).isEmpty();
        assertThat(Files.readString(folder("rerun-" + PERIOD).resolve("balances.csv")))
                .isEqualTo(Files.readString(folder("nightly-" + LAST_RUN_DATE).resolve("balances.csv")));
        assertSameBooksAsAFreshCatchUp();
    }

    @Test
    void changedAccountsReplayEveryDayOfThePeriodAndTheNextRerunOverTheSameInputReplaysNone() throws IOException {
        // given A1's credit limit raised: accounts.csv applies to every day a run covers
        accounts("250");

        // when
        assertThat(Run.rerun(db, input, output, PERIOD)).isEqualTo(ExitCode.DONE);

        // then every day of the period that was closed (the first night began with the first file, on 10-05) is
        // replayed with the new accounts
        assertThat(firstReplayedDay()).isEqualTo("2026-10-05");
        assertThat(replayedDays()).isEqualTo(30);
        assertThat(Report.read(folder("rerun-" + PERIOD).resolve("balances.csv")).account("A1").get("credit_limit"))
                .isEqualTo("250");
        assertSameBooksAsAFreshCatchUp();

        // and the replayed days now hold those accounts: nothing is left to replay
        assertThat(Run.rerun(db, input, output, PERIOD)).isEqualTo(ExitCode.DONE);
        assertThat(firstReplayedDay()).isEqualTo("2026-11-04");
        assertThat(replayedDays()).isZero();
    }

    @Test
    void aProcessedFileDroppedAsMissingReplaysFromItsDay() throws IOException {
        // given
        Files.delete(input.resolve("payments-2026-10-30.csv"));

        // when
        assertThat(Run.rerun(db, input, output, PERIOD, "--drop-missing")).isEqualTo(ExitCode.DONE);

        // then
        assertThat(firstReplayedDay()).isEqualTo("2026-10-30");
        assertThat(replayedDays()).isEqualTo(5);
        assertSameBooksAsAFreshCatchUp();
    }

    private void assertSameBooksAsAFreshCatchUp() throws IOException {
        Path freshOut = work.resolve("fresh-" + System.nanoTime());
        assertThat(Run.nightly(TestDatabase.freshDatabaseUrl(), input, freshOut, LAST_RUN_DATE))
                .as("fresh catch-up").isEqualTo(ExitCode.DONE);
        Path fresh = freshOut.resolve("nightly-" + LAST_RUN_DATE);
        Path rerun = folder("rerun-" + PERIOD);
        assertThat(Files.readString(rerun.resolve("balances.csv")))
                .isEqualTo(Files.readString(fresh.resolve("balances.csv")));
        assertThat(Report.invoicesWithoutRevision(rerun)).isEqualTo(Report.invoicesWithoutRevision(fresh));
    }

    /** The first day the latest rerun replayed (the day after the last run date when it replayed none). */
    private String firstReplayedDay() {
        return Sql.value(db, "SELECT restart_from FROM rerun ORDER BY rerun_id DESC LIMIT 1");
    }

    /** The days the latest rerun ran a job instance for. */
    private int replayedDays() {
        return Integer.parseInt(Sql.value(db, """
                SELECT count(DISTINCT e.job_instance_id) FROM batch_job_execution e
                JOIN batch_job_execution_params p ON p.job_execution_id = e.job_execution_id
                WHERE p.parameter_name = ? AND p.parameter_value = (SELECT max(rerun_id)::text FROM rerun)""",
                DayParameters.RERUN_ID));
    }

    private void accounts(String creditLimitOfA1) throws IOException {
        files().lines("accounts.csv", InputFiles.ACCOUNTS,
                "A1,Alpha,SGD,CONSOLIDATED_MONTHLY," + creditLimitOfA1 + ",0.09",
                "A2,Beta,SGD,INDIVIDUAL_AND_MONTHLY,100,0.09");
    }

    private InputFiles files() {
        return InputFiles.in(input);
    }

    private Path folder(String name) {
        return output.resolve(name);
    }

    private List<List<String>> revisions() {
        return Report.lines(folder("rerun-" + PERIOD).resolve("revisions.csv"), REVISIONS_HEADER);
    }

}
