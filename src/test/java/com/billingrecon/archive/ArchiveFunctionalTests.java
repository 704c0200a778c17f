package com.billingrecon.archive;

import static org.assertj.core.api.Assertions.assertThat;

import com.billingrecon.cli.BillingRecon;
import com.billingrecon.job.ExitCode;
import com.billingrecon.support.GeneratedInput;
import com.billingrecon.support.Ledger;
import com.billingrecon.support.ReportFolders;
import com.billingrecon.support.Run;
import com.billingrecon.support.Slow;
import com.billingrecon.support.Sql;
import com.billingrecon.support.TestDatabase;
import com.billingrecon.support.Verify;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * archive takes a closed month's CDR history out of the ledger into a compressed file and restore puts it
 * back; in between, the later days' reports are those of a ledger that kept it. Six days from 2026-09-28: the
 * ONGOING records of September 30th are completed on October 2nd, in October's period.
 */
@Slow
class ArchiveFunctionalTests {

    @TempDir
    Path work;

    private Path input;
    private Path archiveDir;
    private String archived;
    private String kept;

    @BeforeEach
    void twoLedgersOfTheSameNights() throws IOException {
        input = work.resolve("in");
        archiveDir = work.resolve("archive");
        GeneratedInput.write(input, LocalDate.of(2026, 9, 28), 6, 300);
        archived = TestDatabase.freshDatabaseUrl();
        kept = TestDatabase.freshDatabaseUrl();
        assertThat(Run.nightly(archived, input, work.resolve("a"), "2026-10-02")).isEqualTo(ExitCode.DONE);
        assertThat(Run.nightly(kept, input, work.resolve("k"), "2026-10-02")).isEqualTo(ExitCode.DONE);
    }

    @Test
    void anArchivedMonthLeavesTheLaterDaysReportsAsTheyWouldBeAndVerifyFindsNothing() {
        long septemberRecords = Long.parseLong(Sql.value(archived,
                "SELECT count(*) FROM cdr_history WHERE billing_period = '2026-09-01'"));

        assertThat(archive(archived, "--before=2026-10")).isEqualTo(ExitCode.DONE);

        assertThat(archiveDir.resolve("cdr-history-2026-09.csv.gz")).isRegularFile();
        assertThat(Sql.value(archived, "SELECT count(*) FROM cdr_history WHERE billing_period = '2026-09-01'"))
                .isEqualTo("0");
        assertThat(Sql.value(archived, "SELECT records FROM cdr_archive WHERE billing_period = '2026-09-01'"))
                .isEqualTo(Long.toString(septemberRecords));
        assertThat(Verify.differences(archived)).isEmpty();

        assertThat(Run.nightly(archived, input, work.resolve("a"), "2026-10-03")).isEqualTo(ExitCode.DONE);
        assertThat(Run.nightly(kept, input, work.resolve("k"), "2026-10-03")).isEqualTo(ExitCode.DONE);
        ReportFolders.assertSameFiles(ReportFolders.snapshot(work.resolve("a/nightly-2026-10-03")),
                ReportFolders.snapshot(work.resolve("k/nightly-2026-10-03")));
        assertThat(Verify.differences(archived)).isEmpty();
    }

    @Test
    void aRestoredMonthIsTheLedgerAsItWasBeforeItWasArchived() {
        assertThat(archive(archived, "--before=2026-10")).isEqualTo(ExitCode.DONE);

        assertThat(restore(archived, "--period=2026-09")).isEqualTo(ExitCode.DONE);

        assertThat(withoutCloseTimes(Ledger.contents(archived))).isEqualTo(withoutCloseTimes(Ledger.contents(kept)));
        assertThat(Sql.value(archived, "SELECT count(*) FROM cdr_archive")).isEqualTo("0");
        assertThat(Verify.differences(archived)).isEmpty();
    }

    /** A month archived before the usage totals by CDR type existed gets them from its history when restored. */
    @Test
    void aMonthArchivedWithoutUsageByTypeGetsItFromItsHistoryWhenRestored() {
        assertThat(archive(archived, "--before=2026-10")).isEqualTo(ExitCode.DONE);
        Sql.rows(archived, "DELETE FROM period_usage_total WHERE billing_period = '2026-09-01' RETURNING 1");

        assertThat(restore(archived, "--period=2026-09")).isEqualTo(ExitCode.DONE);

        assertThat(Sql.value(archived, "SELECT count(*) FROM period_usage_total WHERE billing_period = '2026-09-01'"))
                .isEqualTo(Sql.value(kept, "SELECT count(*) FROM period_usage_total WHERE billing_period = '2026-09-01'"))
                .isNotEqualTo("0");
        assertThat(withoutCloseTimes(Ledger.contents(archived))).isEqualTo(withoutCloseTimes(Ledger.contents(kept)));
        assertThat(Verify.differences(archived)).isEmpty();
    }

    @Test
    void aRerunOrAnItemisedBillOfAnArchivedMonthIsRefusedUntilItIsRestored() {
        String septemberInvoice = Sql.value(archived, "SELECT min(invoice_no) FROM invoice "
                + "WHERE period = '2026-09-01' AND kind IN ('MONTHLY_USAGE', 'CONSOLIDATED')");
        assertThat(archive(archived, "--before=2026-10")).isEqualTo(ExitCode.DONE);

        Run.Outcome rerun = Run.capturingStderr(() -> Run.rerun(archived, input, work.resolve("a"), "2026-09"));
        Run.Outcome itemise = Run.capturingStderr(() -> BillingRecon.run("itemise", "--invoice=" + septemberInvoice,
                "--db-url=" + archived, "--db-user=postgres"));

        assertThat(rerun.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(rerun.stderr()).contains("2026-09 are archived");
        assertThat(itemise.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(itemise.stderr()).contains("2026-09", "archived");
        // a rerun of a later month does not touch the archived one
        assertThat(Run.rerun(archived, input, work.resolve("a"), "2026-10")).isEqualTo(ExitCode.DONE);
        assertThat(Verify.differences(archived)).isEmpty();
        assertThat(restore(archived, "--period=2026-09")).isEqualTo(ExitCode.DONE);
        assertThat(Run.rerun(archived, input, work.resolve("a"), "2026-09")).isEqualTo(ExitCode.DONE);
    }

    /** A NO_INVOICE account's figures sum every period: explain counts an archived month's usage as archive kept it. */
    @Test
    void explainOfAnAccountWhoseFiguresSumEveryPeriodCountsTheArchivedMonth() {
        assertThat(archive(archived, "--before=2026-10")).isEqualTo(ExitCode.DONE);

        Run.Outcome explained = Run.capturingStderr(() -> BillingRecon.run("explain", "--account=A03",
                "--as-of=2026-10-02", "--output-dir=" + work.resolve("a"), "--db-url=" + archived,
                "--db-user=postgres"));

        assertThat(explained.exit()).as(explained.stderr()).isEqualTo(ExitCode.DONE);
    }

    @Test
    void aMonthWhoseInvoicesAreNotIssuedStaysInTheLedgerAndIsNamed() {
        Run.Outcome outcome = Run.capturingStderr(() -> archive(archived, "--before=2026-11"));

        assertThat(outcome.exit()).isEqualTo(ExitCode.DONE_WITH_FILES_TO_CHECK);
        assertThat(outcome.stderr()).contains("2026-10 is not closed");
        assertThat(Sql.value(archived, "SELECT string_agg(to_char(billing_period, 'YYYY-MM'), ',') FROM cdr_archive"))
                .isEqualTo("2026-09");
    }

    @Test
    void aFileThatIsNotTheArchiveWrittenIsNotRestored() throws IOException {
        assertThat(archive(archived, "--before=2026-10")).isEqualTo(ExitCode.DONE);
        Path file = archiveDir.resolve("cdr-history-2026-09.csv.gz");
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(file, bytes);

        Run.Outcome outcome = Run.capturingStderr(() -> restore(archived, "--period=2026-09"));

        assertThat(outcome.exit()).isIn(ExitCode.USAGE, ExitCode.FAILED);
        assertThat(Sql.value(archived, "SELECT count(*) FROM cdr_archive")).isEqualTo("1");
        assertThat(Sql.value(archived, "SELECT count(*) FROM cdr_history WHERE billing_period = '2026-09-01'"))
                .isEqualTo("0");
    }

    /** The two ledgers closed their days at other times: business_day's rows hold when. */
    private static Map<String, String> withoutCloseTimes(Map<String, String> contents) {
        Map<String, String> compared = new TreeMap<>(contents);
        compared.remove("business_day");
        return compared;
    }

    private ExitCode archive(String db, String month) {
        return BillingRecon.run("archive", month, "--archive-dir=" + archiveDir, "--db-url=" + db, "--db-user=postgres");
    }

    private ExitCode restore(String db, String month) {
        return BillingRecon.run("restore", month, "--archive-dir=" + archiveDir, "--db-url=" + db, "--db-user=postgres");
    }
}
