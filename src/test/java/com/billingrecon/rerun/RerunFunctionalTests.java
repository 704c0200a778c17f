package com.billingrecon.rerun;

import static com.billingrecon.ingest.IngestionStepsConfiguration.CHUNK_SIZE;
import static org.assertj.core.api.Assertions.assertThat;

import com.billingrecon.job.ExitCode;
import com.billingrecon.support.InjectedFailure;
import com.billingrecon.support.InputFiles;
import com.billingrecon.support.Ledger;
import com.billingrecon.support.Report;
import com.billingrecon.support.ReportFolders;
import com.billingrecon.support.Run;
import com.billingrecon.support.Slow;
import com.billingrecon.support.Sql;
import com.billingrecon.support.TestDatabase;
import com.billingrecon.support.Verify;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Late files and the rerun of a billing period (SPEC §6), end to end on a real PostgreSQL.
 *
 * <p>Given three accounts (one per invoicing mode) and files dated 2026-10-28..11-03 that close October on 11-01
 * (a consolidated invoice, a monthly usage invoice, two individual invoices, payments, an ONGOING CDR completed
 * later, late usage arriving on the close date), closed by a first nightly run for 2026-11-03: each test then
 * adds, corrects, removes or archives files and checks what the nightly job holds and what
 * {@code rerun --period=2026-10} takes in, revises and reports. The yardstick of a rerun is a fresh catch-up
 * over the same files on an empty database.
 */
@Slow
class RerunFunctionalTests {

    private static final String PERIOD = "2026-10";
    private static final String LAST_RUN_DATE = "2026-11-03";
    private static final String RECONCILIATION_HEADER =
            "file,kind,business_date,status,rows_read,accepted,duplicates,rejected,accepted_amount,detail";
    private static final String BALANCES_HEADER = "account_id,currency,invoicing_mode,credit_limit,reserved_credits,"
            + "usable_credits,expecting_invoice,amount_due,amount_due_side,current_balance,current_balance_side,status";
    private static final String INVOICES_HEADER =
            "invoice_no,account_id,kind,period,charge_id,issue_date,revision,subtotal,tax,total,paid,open,status";
    private static final String REVISIONS_HEADER = "invoice_no,old_revision,new_revision,old_total,new_total";
    /** The reconciliation columns but the free-text detail. */
    private static final String[] COUNTED = {"file", "kind", "business_date", "status", "rows_read", "accepted",
            "duplicates", "rejected", "accepted_amount"};

    @TempDir
    Path work;

    private Path input;
    private Path output;
    private String db;

    @BeforeEach
    void octoberClosedByANightlyRunFor20261103() throws IOException {
        input = Files.createDirectory(work.resolve("in"));
        output = work.resolve("out");
        inputFiles().lines("accounts.csv",
                InputFiles.ACCOUNTS,
                "A1,Alpha,SGD,CONSOLIDATED_MONTHLY,100,0.09",
                "A2,Beta,SGD,INDIVIDUAL_AND_MONTHLY,100,0.09",
                "A3,Gamma,JPY,NO_INVOICE,0,0");
        // files dated 10-01 belong to September: a rerun of October does not take them in again
        inputFiles().lines("cdr-2026-10-01.csv", InputFiles.CDR,
                "C0,A2,CALL,2026-09-30T22:00:00Z,60,1.5,SGD,ONGOING");
        inputFiles().lines("payments-2026-10-01.csv", InputFiles.PAYMENTS,
                "P0,A1,2026-10-01,5,SGD,CARD,");
        // C0 completes after September closed: billed in October
        inputFiles().lines("cdr-2026-10-28.csv", InputFiles.CDR,
                "C0,A2,CALL,2026-09-30T22:00:00Z,60,1.5,SGD,COMPLETED",
                "C1,A1,CALL,2026-10-27T10:00:00Z,60,10,SGD,COMPLETED",
                "C2,A2,CALL,2026-10-27T11:00:00Z,60,5,SGD,COMPLETED",
                "C3,A3,CALL,2026-10-27T12:00:00Z,60,100,JPY,COMPLETED",
                "C4,A2,SMS,2026-10-28T08:00:00Z,,0.5,SGD,ONGOING");
        inputFiles().lines("charges-2026-10-29.csv", InputFiles.CHARGES,
                "CH1,A2,ADDON,2026-10-29,20,SGD,Roaming",
                "CH2,A1,SUBSCRIPTION,2026-10-29,30,SGD,Plan",
                "CH3,A2,HARDWARE,2026-10-29,50,SGD,Phone");
        inputFiles().lines("payments-2026-10-30.csv", InputFiles.PAYMENTS,
                "P1,A2,2026-10-30,21.8,SGD,CARD,INV-A2-CH1");
        inputFiles().lines("cdr-2026-10-31.csv", InputFiles.CDR,
                "C4,A2,SMS,2026-10-28T08:00:00Z,,0.5,SGD,COMPLETED",
                "C5,A1,CALL,2026-10-31T09:00:00Z,60,2,SGD,COMPLETED");
        // C6 happened in October and arrives on its close date: still billed in October
        inputFiles().lines("cdr-2026-11-01.csv", InputFiles.CDR,
                "C6,A1,CALL,2026-10-31T23:00:00Z,60,1,SGD,COMPLETED",
                "C7,A2,CALL,2026-11-01T10:00:00Z,60,3,SGD,COMPLETED");
        inputFiles().lines("payments-2026-11-02.csv", InputFiles.PAYMENTS,
                "P2,A1,2026-11-02,50,SGD,BANK,",
                "P3,A3,2026-11-02,500,JPY,BANK,");
        inputFiles().lines("cdr-2026-11-03.csv", InputFiles.CDR,
                "C8,A1,CALL,2026-11-03T10:00:00Z,60,4,SGD,COMPLETED");

        db = TestDatabase.freshDatabaseUrl();
        assertThat(Run.nightly(db, input, output, LAST_RUN_DATE)).isEqualTo(ExitCode.DONE);
        // the invoices October's close issued, as the SPEC's arithmetic gives them
        assertThat(register(folder("nightly-" + LAST_RUN_DATE))).containsExactly(
                List.of("INV-A1-202610-C", "1", "43", "3.87", "46.87", "PAID"),
                List.of("INV-A2-202610-U", "1", "7", "0.63", "7.63", "OPEN"),
                List.of("INV-A2-CH1", "1", "20", "1.8", "21.8", "PAID"),
                List.of("INV-A2-CH3", "1", "50", "4.5", "54.5", "OPEN"));
    }

    /** Whatever a scenario did, the running totals and invoices it leaves are what the history gives. */
    @AfterEach
    void theRunningTotalsAgreeWithTheHistory() {
        assertThat(Verify.differences(db)).isEmpty();
    }

    @Test
    void aLateFileIsHeldByEveryNightlyRunUntilTheRerunOfItsPeriodTakesItIn() throws IOException {
        // given a file dated in October, a period already reported, arriving after its day
        inputFiles().lines("cdr-2026-10-15.csv", InputFiles.CDR,
                "C9,A1,CALL,2026-10-15T10:00:00Z,60,7,SGD,COMPLETED",
                "C10,A3,CALL,2026-10-15T11:00:00Z,60,40,JPY,COMPLETED");

        // when the next nightly runs
        ExitCode next = Run.nightly(db, input, output, "2026-11-04");

        // then it is held: listed with the rerun to run, none of its rows used
        assertThat(next).isEqualTo(ExitCode.DONE_WITH_FILES_TO_CHECK);
        assertHeld("nightly-2026-11-04", "cdr-2026-10-15.csv", "cdr", "2026-10-15");
        assertThat(bytes("nightly-2026-11-04/balances.csv")).as("no file dated 11-04 and the late one is not used")
                .isEqualTo(bytes("nightly-2026-11-03/balances.csv"));
        assertThat(Sql.value(db, "SELECT count(*) FROM cdr_history WHERE cdr_id IN ('C9', 'C10')")).isEqualTo("0");

        // when a later nightly runs, then it is listed again
        assertThat(Run.nightly(db, input, output, "2026-11-05")).isEqualTo(ExitCode.DONE_WITH_FILES_TO_CHECK);
        assertHeld("nightly-2026-11-05", "cdr-2026-10-15.csv", "cdr", "2026-10-15");
        assertThat(bytes("nightly-2026-11-05/balances.csv")).isEqualTo(bytes("nightly-2026-11-03/balances.csv"));

        // when the rerun of its period runs
        ExitCode rerun = Run.rerun(db, input, output, PERIOD);

        // then it takes the file in: listed processed, its usage billed (A3) and October's invoice of A1 revised
        assertThat(rerun).isEqualTo(ExitCode.DONE);
        Path reconciliation = folder("rerun-" + PERIOD).resolve("reconciliation.csv");
        assertThat(Report.values(Report.read(reconciliation, RECONCILIATION_HEADER).file("cdr-2026-10-15.csv"),
                COUNTED)).containsExactly("cdr-2026-10-15.csv", "cdr", "2026-10-15", "PROCESSED", "2", "2", "0", "0",
                "47");
        assertThat(balance(folder("rerun-" + PERIOD), "A3").get("expecting_invoice")).as("A3 expecting invoice")
                .isEqualTo("-140");
        assertThat(revisions()).containsExactly(List.of("INV-A1-202610-C", "1", "2", "46.87", "54.5"));

        // when the next nightly runs, then the file is no longer listed
        assertThat(Run.nightly(db, input, output, "2026-11-06")).isEqualTo(ExitCode.DONE);
        Report listing = Report.read(folder("nightly-2026-11-06").resolve("reconciliation.csv"), RECONCILIATION_HEADER);
        assertThat(listing.column("file")).doesNotContain("cdr-2026-10-15.csv");
        assertThat(listing.column("status")).doesNotContain("HELD");
        assertThat(bytes("nightly-2026-11-06/balances.csv")).isEqualTo(bytes("rerun-" + PERIOD + "/balances.csv"));
    }

    @Test
    void aCorrectedProcessedFileGivesTheInvoiceItChangesRevision2AndKeepsRevision1Superseded() throws IOException {
        // given a processed file of October corrected: C2 cost 8, not 5
        inputFiles().lines("cdr-2026-10-28.csv", InputFiles.CDR,
                "C0,A2,CALL,2026-09-30T22:00:00Z,60,1.5,SGD,COMPLETED",
                "C1,A1,CALL,2026-10-27T10:00:00Z,60,10,SGD,COMPLETED",
                "C2,A2,CALL,2026-10-27T11:00:00Z,60,8,SGD,COMPLETED",
                "C3,A3,CALL,2026-10-27T12:00:00Z,60,100,JPY,COMPLETED",
                "C4,A2,SMS,2026-10-28T08:00:00Z,,0.5,SGD,ONGOING");
        // which the nightly job holds, since its day was reported
        assertThat(Run.nightly(db, input, output, "2026-11-04")).isEqualTo(ExitCode.DONE_WITH_FILES_TO_CHECK);
        assertHeld("nightly-2026-11-04", "cdr-2026-10-28.csv", "cdr", "2026-10-28");

        // when
        ExitCode rerun = Run.rerun(db, input, output, PERIOD);

        // then A2's October usage invoice: 10 + tax 0.90 = 10.9, was 7 + 0.63 = 7.63
        assertThat(rerun).isEqualTo(ExitCode.DONE);
        assertThat(revisions()).containsExactly(List.of("INV-A2-202610-U", "1", "2", "7.63", "10.9"));
        assertThat(Sql.rows(db, "SELECT revision, status, total FROM invoice WHERE invoice_no = 'INV-A2-202610-U' "
                + "ORDER BY revision").stream().map(RerunFunctionalTests::plainAmounts).toList())
                .containsExactly(List.of("1", "SUPERSEDED", "7.63"), List.of("2", "OPEN", "10.9"));
        assertThat(register(folder("rerun-" + PERIOD))).containsExactly(
                List.of("INV-A1-202610-C", "1", "43", "3.87", "46.87", "PAID"),
                List.of("INV-A2-202610-U", "2", "10", "0.9", "10.9", "OPEN"),
                List.of("INV-A2-CH1", "1", "20", "1.8", "21.8", "PAID"),
                List.of("INV-A2-CH3", "1", "50", "4.5", "54.5", "OPEN"));
    }

    @Test
    void aRerunOverUnchangedFilesWritesAnEmptyRevisionsFileAndChangesNothing() throws IOException {
        // given the ledger after the first nightly run
        Map<String, String> ledger = Ledger.contents(db);

        // when
        ExitCode rerun = Run.rerun(db, input, output, PERIOD);

        // then
        assertThat(rerun).isEqualTo(ExitCode.DONE);
        assertThat(new String(bytes("rerun-" + PERIOD + "/revisions.csv"), StandardCharsets.UTF_8))
                .isEqualTo(REVISIONS_HEADER + "\n");
        assertThat(bytes("rerun-" + PERIOD + "/balances.csv")).isEqualTo(bytes("nightly-2026-11-03/balances.csv"));
        assertThat(bytes("rerun-" + PERIOD + "/invoices.csv")).isEqualTo(bytes("nightly-2026-11-03/invoices.csv"));
        assertThat(Ledger.contents(db)).isEqualTo(ledger);
        assertThat(Sql.value(db, "SELECT count(*) FROM invoice WHERE status IN ('SUPERSEDED', 'VOID')")).isEqualTo("0");
    }

    @Test
    void aMissingProcessedFileStopsTheRerunWithExitCode2UnlessDropMissingIsGiven() throws IOException {
        // given a processed file of October moved away (archived)
        Files.delete(input.resolve("payments-2026-10-30.csv"));
        // which is no error for the nightly job
        assertThat(Run.nightly(db, input, output, "2026-11-04")).isEqualTo(ExitCode.DONE);
        Map<String, byte[]> reports = ReportFolders.snapshot(output);
        Map<String, String> ledger = Ledger.contents(db);

        // when the rerun of its period runs
        Run.Outcome refused = Run.capturingStderr(
                () -> Run.rerun(db, input, output, PERIOD));

        // then it stops, naming the file, and changes nothing
        assertThat(refused.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(refused.stderr()).contains("payments-2026-10-30.csv");
        ReportFolders.assertSameFiles(ReportFolders.snapshot(output), reports);
        assertThat(Ledger.contents(db)).isEqualTo(ledger);

        // when it is given --drop-missing
        ExitCode dropped = Run.rerun(db, input, output, PERIOD, "--drop-missing");

        // then it proceeds without the file: P1 is gone, as on a fresh catch-up over the files there are
        assertThat(dropped).isEqualTo(ExitCode.DONE);
        assertThat(Sql.value(db, "SELECT count(*) FROM payment WHERE payment_id = 'P1'")).isEqualTo("0");
        Path fresh = freshCatchUp("2026-11-04");
        assertThat(bytes("rerun-" + PERIOD + "/balances.csv"))
                .isEqualTo(Files.readAllBytes(fresh.resolve("balances.csv")));
        assertThat(Report.invoicesWithoutRevision(folder("rerun-" + PERIOD))).isEqualTo(Report.invoicesWithoutRevision(fresh));
    }

    @Test
    void theRerunGivesTheBalancesAndInvoicesOfAFreshCatchUpOverTheSameFiles() throws IOException {
        // given October's files changed in every way: a late file, a correction, a charge removed,
        // a payment changed and a late payments file; then changed again after a first rerun
        changeOctobersFiles();
        List<String> second = List.of(InputFiles.CDR, "C1,A1,CALL,2026-10-27T10:00:00Z,60,10,SGD,COMPLETED",
                "C2,A2,CALL,2026-10-27T11:00:00Z,60,9.123456,SGD,COMPLETED",
                "C4,A2,SMS,2026-10-28T08:00:00Z,,0.5,SGD,ONGOING",
                "C11,A1,FAX,2026-10-28T09:00:00Z,30,0.12,SGD,COMPLETED");

        for (int round = 1; round <= 2; round++) {
            if (round == 2) {
                inputFiles().lines("cdr-2026-10-28.csv", second.toArray(String[]::new));
            }
            // when
            ExitCode rerun = Run.rerun(db, input, output, PERIOD);
            Path fresh = freshCatchUp(LAST_RUN_DATE);

            // then
            assertThat(rerun).as("round %d", round).isEqualTo(ExitCode.DONE);
            if (round == 1) {
                assertThat(revisions()).containsExactly(
                        List.of("INV-A1-202610-C", "1", "2", "46.87", "54.5"),
                        List.of("INV-A2-202610-U", "1", "2", "7.63", "10.9"),
                        List.of("INV-A2-CH3", "1", "", "54.5", ""),
                        List.of("INV-A2-CH4", "", "1", "", "16.35"));
            }
            assertThat(new String(bytes("rerun-" + PERIOD + "/balances.csv"), StandardCharsets.UTF_8))
                    .as("round %d: balances.csv", round)
                    .isEqualTo(Files.readString(fresh.resolve("balances.csv")));
            assertThat(bytes("rerun-" + PERIOD + "/balances.csv"))
                .isEqualTo(Files.readAllBytes(fresh.resolve("balances.csv")));
            assertThat(Report.invoicesWithoutRevision(folder("rerun-" + PERIOD))).as("round %d: invoices.csv", round)
                    .isEqualTo(Report.invoicesWithoutRevision(fresh));
        }
        assertThat(register(folder("rerun-" + PERIOD))).as("the comparison holds revised invoices")
                .anySatisfy(row -> assertThat(row.get(1)).isEqualTo("3"));
    }

    @Test
    void anInvoiceThatNoLongerArisesIsVoidLeavesTheRegisterAndIsRevisedWithEmptyNewColumns() throws IOException {
        // given CH3, the only item of INV-A2-CH3, removed from its corrected file
        inputFiles().lines("charges-2026-10-29.csv", InputFiles.CHARGES,
                "CH1,A2,ADDON,2026-10-29,20,SGD,Roaming",
                "CH2,A1,SUBSCRIPTION,2026-10-29,30,SGD,Plan");

        // when
        ExitCode rerun = Run.rerun(db, input, output, PERIOD);

        // then
        assertThat(rerun).isEqualTo(ExitCode.DONE);
        assertThat(register(folder("rerun-" + PERIOD))).extracting(row -> row.get(0))
                .containsExactly("INV-A1-202610-C", "INV-A2-202610-U", "INV-A2-CH1");
        assertThat(revisions()).containsExactly(List.of("INV-A2-CH3", "1", "", "54.5", ""));
        assertThat(Sql.rows(db, "SELECT revision, status FROM invoice WHERE invoice_no = 'INV-A2-CH3'"))
                .containsExactly(List.of("1", "VOID"));
        assertThat(balance(folder("rerun-" + PERIOD), "A2").get("amount_due"))
                .as("A2 amount due: 21.8 paid - 21.8 - 7.63 invoiced")
                .isEqualTo("-7.63");
    }

    @Test
    void aNightlyRunIsRefusedWhileARerunIsUnfinishedAndTheSameRerunCommandFinishesIt() throws IOException {
        // given a rerun interrupted in its replay: the database fails on the third invoice it issues (11-01)
        changeOctobersFiles();
        InjectedFailure.failFromNthInsert(db, "invoice", 3);
        assertThat(Run.rerun(db, input, output, PERIOD)).isEqualTo(ExitCode.FAILED);
        assertThat(InjectedFailure.insertsSeen(db)).as("the failure struck during the replay").isEqualTo(3);
        assertThat(output.resolve("rerun-" + PERIOD)).doesNotExist();
        InjectedFailure.remove(db, "invoice");
        Map<String, byte[]> reports = ReportFolders.snapshot(output);
        Map<String, String> ledger = Ledger.contents(db);

        // when the next nightly runs
        Run.Outcome refused = Run.capturingStderr(
                () -> Run.nightly(db, input, output, "2026-11-04"));

        // then it is refused, says which rerun to finish, and changes nothing
        assertThat(refused.exit()).isIn(ExitCode.USAGE, ExitCode.ANOTHER_RUN);
        assertThat(refused.stderr()).contains("rerun --period=" + PERIOD);
        ReportFolders.assertSameFiles(ReportFolders.snapshot(output), reports);
        assertThat(Ledger.contents(db)).isEqualTo(ledger);

        // when the same rerun command runs again, then it finishes as an uninterrupted one would have
        assertThat(Run.rerun(db, input, output, PERIOD)).isEqualTo(ExitCode.DONE);
        Path fresh = freshCatchUp(LAST_RUN_DATE);
        assertThat(bytes("rerun-" + PERIOD + "/balances.csv"))
                .isEqualTo(Files.readAllBytes(fresh.resolve("balances.csv")));
        assertThat(Report.invoicesWithoutRevision(folder("rerun-" + PERIOD))).isEqualTo(Report.invoicesWithoutRevision(fresh));

        // and the nightly runs again
        assertThat(Run.nightly(db, input, output, "2026-11-04")).isEqualTo(ExitCode.DONE);
    }

    @Test
    void aChangedFileOfAPeriodBeforeTheRerunsStaysHeldWhileTheRerunTakesInTheFilesOfItsPeriod() throws IOException {
        // given a changed file dated 10-01, which belongs to September, and a late file of October
        inputFiles().lines("cdr-2026-10-01.csv", InputFiles.CDR,
                "C0,A2,CALL,2026-09-30T22:00:00Z,60,2,SGD,ONGOING");
        inputFiles().lines("cdr-2026-10-15.csv", InputFiles.CDR,
                "C9,A1,CALL,2026-10-15T10:00:00Z,60,7,SGD,COMPLETED");

        // when October is rerun
        ExitCode rerun = Run.rerun(db, input, output, PERIOD);

        // then it takes in October's late file, not September's changed one
        assertThat(rerun).isIn(ExitCode.DONE, ExitCode.DONE_WITH_FILES_TO_CHECK);
        List<String> listed = Report.read(folder("rerun-" + PERIOD).resolve("reconciliation.csv"),
                RECONCILIATION_HEADER).column("file");
        assertThat(listed).contains("cdr-2026-10-15.csv").doesNotContain("cdr-2026-10-01.csv");
        assertThat(Sql.rows(db, "SELECT amount FROM cdr_record WHERE file_name = 'cdr-2026-10-01.csv'")
                .stream().map(RerunFunctionalTests::plainAmounts).toList()).containsExactly(List.of("1.5"));

        // and the next nightly still holds September's file, naming September's rerun, and no longer October's
        assertThat(Run.nightly(db, input, output, "2026-11-04")).isEqualTo(ExitCode.DONE_WITH_FILES_TO_CHECK);
        assertHeld("nightly-2026-11-04", "cdr-2026-10-01.csv", "cdr", "2026-10-01", "2026-09");
        assertThat(Report.lines(folder("nightly-2026-11-04").resolve("reconciliation.csv"),
                        RECONCILIATION_HEADER))
                .noneSatisfy(row -> assertThat(row.get(0)).isEqualTo("cdr-2026-10-15.csv"));
    }

    @Test
    void aFileRewrittenWithTheSameSizeAndModificationTimeIsStillHeldAsChanged() throws Exception {
        // given the processed files settled (times a few seconds old), stamped by the next nightly run
        Thread.sleep(3_500);
        assertThat(Run.nightly(db, input, output, "2026-11-04")).isEqualTo(ExitCode.DONE);
        assertThat(Sql.value(db, "SELECT count(*) FROM input_file WHERE business_date IS NOT NULL AND stamp IS NULL"))
                .as("every reported file is stamped once its hash was found unchanged").isEqualTo("0");

        // when a processed file's amount is rewritten with another of the same length, its time set back
        Path file = input.resolve("cdr-2026-10-28.csv");
        FileTime modified = Files.getLastModifiedTime(file);
        long size = Files.size(file);
        inputFiles().lines("cdr-2026-10-28.csv",
                Files.readString(file).strip().replace(",10,SGD,", ",19,SGD,").split("\n"));
        Files.setLastModifiedTime(file, modified);
        assertThat(Files.size(file)).isEqualTo(size);

        // then the next nightly holds it as changed, and only it
        assertThat(Run.nightly(db, input, output, "2026-11-05")).isEqualTo(ExitCode.DONE_WITH_FILES_TO_CHECK);
        assertHeld("nightly-2026-11-05", "cdr-2026-10-28.csv", "cdr", "2026-10-28");
        assertThat(Report.read(folder("nightly-2026-11-05").resolve("reconciliation.csv"), RECONCILIATION_HEADER)
                .rowsWhere("status", "HELD").stream().map(row -> row.get("file")))
                .containsExactly("cdr-2026-10-28.csv");
    }

    @Test
    void aFileRejectedWholeThenFixedIsHeldAsChangedAndTakenInByTheRerunOfItsPeriod() throws IOException {
        // given a charges file rejected whole (no currency column) by the nightly run of its day
        inputFiles().lines("charges-2026-11-04.csv", "charge_id,account_id,type,charge_date,amount,description",
                "CH5,A2,ADDON,2026-11-04,12,Extra");
        assertThat(Run.nightly(db, input, output, "2026-11-04")).isEqualTo(ExitCode.DONE_WITH_FILES_TO_CHECK);
        // then fixed
        inputFiles().lines("charges-2026-11-04.csv", InputFiles.CHARGES, "CH5,A2,ADDON,2026-11-04,12,SGD,Extra");

        // when the next nightly runs, then the fixed file is held as changed, for November's rerun
        assertThat(Run.nightly(db, input, output, "2026-11-05")).isEqualTo(ExitCode.DONE_WITH_FILES_TO_CHECK);
        assertHeld("nightly-2026-11-05", "charges-2026-11-04.csv", "charges", "2026-11-04", "2026-11");

        // when November is rerun
        ExitCode rerun = Run.rerun(db, input, output, "2026-11");

        // then the file is taken in, and its charge gets a new individual invoice (empty old columns)
        assertThat(rerun).isEqualTo(ExitCode.DONE);
        Path folder = folder("rerun-2026-11");
        assertThat(Report.values(Report.read(folder.resolve("reconciliation.csv"), RECONCILIATION_HEADER)
                .file("charges-2026-11-04.csv"), COUNTED))
                .containsExactly("charges-2026-11-04.csv", "charges", "2026-11-04", "PROCESSED", "1", "1", "0", "0",
                        "12");
        assertThat(Report.lines(folder.resolve("revisions.csv"), REVISIONS_HEADER))
                .containsExactly(List.of("INV-A2-CH5", "", "1", "", "13.08"));
        assertThat(Run.nightly(db, input, output, "2026-11-06")).isEqualTo(ExitCode.DONE);
    }

    @Test
    void aRerunRunBetweenAFailedNightlyAndItsRestartLosesNoRowOfTheFailedDay() throws IOException {
        // given a nightly run for 11-04 that failed after committing the first chunk of its CDRs
        int dayRows = CHUNK_SIZE + CHUNK_SIZE / 4;
        List<String> rows = new ArrayList<>(List.of(InputFiles.CDR));
        for (int i = 0; i < dayRows; i++) {
            rows.add("D" + i + ",A3,SMS,2026-11-04T08:00:00Z,,3,JPY,COMPLETED");
        }
        inputFiles().lines("cdr-2026-11-04.csv", rows.toArray(String[]::new));
        InjectedFailure.failFromNthInsert(db, "cdr_history", CHUNK_SIZE + 100);
        assertThat(Run.nightly(db, input, output, "2026-11-04")).isEqualTo(ExitCode.FAILED);
        InjectedFailure.remove(db, "cdr_history");
        assertThat(Sql.value(db, "SELECT count(*) FROM cdr_history WHERE business_date = '2026-11-04'"))
                .isEqualTo(String.valueOf(CHUNK_SIZE));

        // when October is rerun (files unchanged), then the failed nightly command is run again
        ExitCode rerun = Run.rerun(db, input, output, PERIOD);
        ExitCode restarted = Run.nightly(db, input, output, "2026-11-04");

        // then either the rerun waited for the nightly run to be finished, or the day comes out whole
        assertThat(rerun).isIn(ExitCode.DONE, ExitCode.USAGE);
        assertThat(restarted).as("restarted nightly (the rerun exited %s)", rerun).isEqualTo(ExitCode.DONE);
        assertThat(Sql.value(db, "SELECT count(*) FROM cdr WHERE cdr_id LIKE 'D%'")).as("CDRs of 11-04 in the ledger")
                .isEqualTo(String.valueOf(dayRows));
        assertThat(Report.values(Report.read(folder("nightly-2026-11-04").resolve("reconciliation.csv"),
                        RECONCILIATION_HEADER).file("cdr-2026-11-04.csv"),
                "file", "kind", "business_date", "status", "rows_read", "accepted"))
                .containsExactly("cdr-2026-11-04.csv", "cdr", "2026-11-04", "PROCESSED", String.valueOf(dayRows),
                        String.valueOf(dayRows));
        Path fresh = freshCatchUp("2026-11-04");
        ReportFolders.assertSameFiles(ReportFolders.snapshot(folder("nightly-2026-11-04")),
                ReportFolders.snapshot(fresh));
    }

    /**
     * A late CDR file, C2 corrected, CH3 removed, a late charge (a new invoice), P2 changed and a late payments
     * file: every kind of October's files.
     */
    private void changeOctobersFiles() throws IOException {
        inputFiles().lines("charges-2026-10-20.csv", InputFiles.CHARGES,
                "CH4,A2,SERVICE,2026-10-20,15,SGD,Installation");
        inputFiles().lines("cdr-2026-10-15.csv", InputFiles.CDR,
                "C9,A1,CALL,2026-10-15T10:00:00Z,60,7,SGD,COMPLETED",
                "C10,A3,CALL,2026-10-15T11:00:00Z,60,40,JPY,COMPLETED");
        inputFiles().lines("cdr-2026-10-28.csv", InputFiles.CDR,
                "C0,A2,CALL,2026-09-30T22:00:00Z,60,1.5,SGD,COMPLETED",
                "C1,A1,CALL,2026-10-27T10:00:00Z,60,10,SGD,COMPLETED",
                "C2,A2,CALL,2026-10-27T11:00:00Z,60,8,SGD,COMPLETED",
                "C3,A3,CALL,2026-10-27T12:00:00Z,60,100,JPY,COMPLETED",
                "C4,A2,SMS,2026-10-28T08:00:00Z,,0.5,SGD,ONGOING");
        inputFiles().lines("charges-2026-10-29.csv", InputFiles.CHARGES,
                "CH1,A2,ADDON,2026-10-29,20,SGD,Roaming",
                "CH2,A1,SUBSCRIPTION,2026-10-29,30,SGD,Plan");
        inputFiles().lines("payments-2026-10-31-late.csv", InputFiles.PAYMENTS,
                "P4,A2,2026-10-31,10,SGD,CARD,",
                "P5,A1,2026-10-31,5,SGD,CARD,");
        inputFiles().lines("payments-2026-11-02.csv", InputFiles.PAYMENTS,
                "P2,A1,2026-11-02,40,SGD,BANK,INV-A1-202610-C",
                "P3,A3,2026-11-02,500,JPY,BANK,");
    }

    /** A catch-up over the input folder as it is now, on an empty database: the folder of its last day. */
    private Path freshCatchUp(String runDate) {
        Path freshOut = work.resolve("fresh-" + System.nanoTime());
        ExitCode exit = Run.nightly(TestDatabase.freshDatabaseUrl(), input, freshOut, runDate);
        assertThat(exit).as("fresh catch-up").isEqualTo(ExitCode.DONE);
        return freshOut.resolve("nightly-" + runDate);
    }

    private void assertHeld(String folderName, String file, String kind, String businessDate) {
        assertHeld(folderName, file, kind, businessDate, PERIOD);
    }

    private void assertHeld(String folderName, String file, String kind, String businessDate, String period) {
        Path reconciliation = folder(folderName).resolve("reconciliation.csv");
        Map<String, String> row = Report.read(reconciliation, RECONCILIATION_HEADER).file(file);
        assertThat(Report.values(row, COUNTED)).as("%s in %s", file, folderName)
                .containsExactly(file, kind, businessDate, "HELD", "", "", "", "", "");
        assertThat(row.get("detail")).as("detail of %s", file).contains("rerun --period=" + period);
    }

    /** The register of a folder: invoice_no, revision, subtotal, tax, total, status. */
    private static List<List<String>> register(Path folder) {
        return Report.read(folder.resolve("invoices.csv"), INVOICES_HEADER).rows().stream()
                .map(r -> Report.values(r, "invoice_no", "revision", "subtotal", "tax", "total", "status")).toList();
    }


    private List<List<String>> revisions() {
        return Report.lines(folder("rerun-" + PERIOD).resolve("revisions.csv"), REVISIONS_HEADER);
    }

    private static Map<String, String> balance(Path folder, String account) {
        return Report.read(folder.resolve("balances.csv"), BALANCES_HEADER).account(account);
    }

    private static List<String> plainAmounts(List<String> row) {
        return row.stream().map(v -> v.matches("-?[0-9]+\\.[0-9]+") ? new BigDecimal(v).stripTrailingZeros()
                .toPlainString() : v).toList();
    }

    private Path folder(String name) {
        return output.resolve(name);
    }

    private byte[] bytes(String file) throws IOException {
        return Files.readAllBytes(output.resolve(file));
    }

    private InputFiles inputFiles() {
        return InputFiles.in(input);
    }
}
