package com.billingrecon.rerun;

import static org.assertj.core.api.Assertions.assertThat;

import com.billingrecon.job.ExitCode;
import com.billingrecon.support.InjectedFailure;
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
 * A rerun keeps the records of the CDR files that did not change and decides again only the rows of the cdr_ids
 * a changed, new or missing file holds or held (SPEC §6: the books of a fresh catch-up over the same files). Given
 * October closed by a nightly run for 2026-11-03 with three CDR files, of which the later ones share ids with the
 * first (K1 ONGOING then COMPLETED, K2 repeated as a duplicate), each test changes the input, reruns October and
 * checks the ledger's files, rejects and duplicates against a fresh catch-up's, and which files kept their records.
 */
@Slow
class RerunKeepsUnchangedCdrFilesFunctionalTests {

    private static final String PERIOD = "2026-10";
    private static final String LAST_RUN_DATE = "2026-11-03";
    private static final String FIRST = "cdr-2026-10-05.csv";
    private static final String SECOND = "cdr-2026-10-10.csv";
    private static final String THIRD = "cdr-2026-10-20.csv";

    @TempDir
    Path work;

    private Path input;
    private Path output;
    private String db;

    @BeforeEach
    void octoberClosedWithCdrFilesSharingIds() throws IOException {
        input = Files.createDirectory(work.resolve("in"));
        output = work.resolve("out");
        files().lines("accounts.csv", InputFiles.ACCOUNTS,
                "A1,Alpha,SGD,INDIVIDUAL_AND_MONTHLY,100,0.09",
                "A2,Beta,SGD,CONSOLIDATED_MONTHLY,100,0.09");
        files().lines(FIRST, InputFiles.CDR,
                "K1,A1,CALL,2026-10-04T10:00:00Z,60,1,SGD,ONGOING",
                "K2,A1,CALL,2026-10-04T11:00:00Z,60,3,SGD,COMPLETED",
                "K3,A2,SMS,2026-10-04T12:00:00Z,,4,SGD,COMPLETED");
        files().lines(SECOND, InputFiles.CDR,
                "K1,A1,CALL,2026-10-04T10:00:00Z,60,2,SGD,COMPLETED",
                "K2,A1,CALL,2026-10-04T11:00:00Z,60,3,SGD,COMPLETED",
                "U1,A2,CALL,2026-10-09T10:00:00Z,60,7,SGD,COMPLETED");
        files().lines(THIRD, InputFiles.CDR,
                "U2,A1,SMS,2026-10-19T10:00:00Z,,1,SGD,COMPLETED");
        files().lines("payments-2026-10-30.csv", InputFiles.PAYMENTS,
                "P1,A2,2026-10-30,5,SGD,CARD,");
        db = TestDatabase.freshDatabaseUrl();
        assertThat(Run.nightly(db, input, output, LAST_RUN_DATE)).isEqualTo(ExitCode.DONE);
        assertThat(files(db)).contains(List.of(SECOND, "3", "2", "1", "0", "9"));
    }

    @AfterEach
    void theRunningTotalsAgreeWithTheHistory() {
        assertThat(Verify.differences(db)).isEmpty();
    }

    @Test
    void rowsOfAnUnchangedFileWhoseIdsACorrectedFileNowGivesOtherContentAreRejectedAndTheirFileCountsFollow()
            throws IOException {
        // given K1 now of A2 and K2 now 3.5 in the first file
        files().lines(FIRST, InputFiles.CDR,
                "K1,A2,CALL,2026-10-04T10:00:00Z,60,1,SGD,ONGOING",
                "K2,A1,CALL,2026-10-04T11:00:00Z,60,3.5,SGD,COMPLETED",
                "K3,A2,SMS,2026-10-04T12:00:00Z,,4,SGD,COMPLETED");
        String unchangedIds = fileIds(SECOND, THIRD);

        // when
        assertThat(Run.rerun(db, input, output, PERIOD)).isEqualTo(ExitCode.DONE);

        // then the second file's K1 (A1) conflicts with K1 of A2 and its K2 comes after a final record with other
        // content; both files that did not change kept their records (and ids)
        assertThat(rejects(db)).containsExactly(
                List.of(SECOND, "2", "ID_CONFLICT", "K1"),
                List.of(SECOND, "3", "ALREADY_FINAL", "K2"));
        assertThat(files(db)).contains(List.of(SECOND, "3", "1", "0", "2", "7"));
        assertThat(fileIds(SECOND, THIRD)).isEqualTo(unchangedIds);
        assertSameLedgerAsAFreshCatchUp();
    }

    @Test
    void aDuplicateInAnUnchangedFileIsAcceptedOnceTheRecordItRepeatedIsRemovedFromItsFile() throws IOException {
        // given K2 no longer in the first file
        files().lines(FIRST, InputFiles.CDR,
                "K1,A1,CALL,2026-10-04T10:00:00Z,60,1,SGD,ONGOING",
                "K3,A2,SMS,2026-10-04T12:00:00Z,,4,SGD,COMPLETED");

        // when
        assertThat(Run.rerun(db, input, output, PERIOD)).isEqualTo(ExitCode.DONE);

        // then the second file's K2 is its first record now
        assertThat(files(db)).contains(List.of(SECOND, "3", "3", "0", "0", "12"));
        assertThat(Sql.value(db, "SELECT count(*) FROM cdr_duplicate")).isEqualTo("0");
        assertSameLedgerAsAFreshCatchUp();
    }

    @Test
    void aLateFileOfNewIdsKeepsTheRecordsOfEveryOtherCdrFileAndDecidesNoRowAgain() throws IOException {
        // given
        files().lines("cdr-2026-10-07-late.csv", InputFiles.CDR,
                "N1,A1,CALL,2026-10-07T10:00:00Z,60,6,SGD,COMPLETED");
        String ids = fileIds(FIRST, SECOND, THIRD);
        String history = Sql.value(db, "SELECT count(*) FROM cdr_history");

        // when
        assertThat(Run.rerun(db, input, output, PERIOD)).isEqualTo(ExitCode.DONE);

        // then
        assertThat(fileIds(FIRST, SECOND, THIRD)).isEqualTo(ids);
        assertThat(Sql.value(db, "SELECT count(*) FROM cdr_history")).isEqualTo(String.valueOf(Long.parseLong(history) + 1));
        assertSameLedgerAsAFreshCatchUp();
    }

    @Test
    void aRerunThatFailedWhileTakingInALateFileIsFinishedByTheSameCommandAndTheOtherFilesKeepTheirRecords()
            throws IOException {
        // given a late file, and the database failing on the first history record the replay writes
        files().lines("cdr-2026-10-07-late.csv", InputFiles.CDR,
                "N1,A1,CALL,2026-10-07T10:00:00Z,60,6,SGD,COMPLETED");
        String ids = fileIds(FIRST, SECOND, THIRD);
        InjectedFailure.failFromNthInsert(db, "cdr_history_202610", 1);

        // when the rerun fails in its replay, then runs again once the cause is fixed
        assertThat(Run.rerun(db, input, output, PERIOD)).isEqualTo(ExitCode.FAILED);
        assertThat(InjectedFailure.insertsSeen(db)).as("the failure struck the replay").isEqualTo(1);
        assertThat(Sql.value(db, "SELECT count(*) FROM input_file WHERE kept_by_rerun")).isEqualTo("2");
        InjectedFailure.remove(db, "cdr_history_202610");
        assertThat(Run.rerun(db, input, output, PERIOD)).isEqualTo(ExitCode.DONE);

        // then
        assertThat(fileIds(FIRST, SECOND, THIRD)).isEqualTo(ids);
        assertSameLedgerAsAFreshCatchUp();
    }

    @Test
    void aRemovedFileWithAnOngoingRecordMakesTheRecordThatCompletedItInAnUnchangedFileItsFirst() throws IOException {
        // given the first file removed
        Files.delete(input.resolve(FIRST));

        // when
        assertThat(Run.rerun(db, input, output, PERIOD, "--drop-missing")).isEqualTo(ExitCode.DONE);

        // then K1 COMPLETED and K2 of the second file are accepted as first records
        assertThat(files(db)).contains(List.of(SECOND, "3", "3", "0", "0", "12"));
        assertThat(Sql.value(db, "SELECT count(*) FROM cdr_superseded")).isEqualTo("0");
        assertSameLedgerAsAFreshCatchUp();
    }

    @Test
    void accountsCsvChangedButNotItsAccountIdsOrCurrenciesKeepsTheRecordsOfEveryCdrFile() throws IOException {
        // given A1 now consolidated and A2 with another credit limit
        files().accounts("A1,Alpha,SGD,CONSOLIDATED_MONTHLY,100,0.09", "A2,Beta,SGD,CONSOLIDATED_MONTHLY,250,0.09");
        String ids = fileIds(FIRST, SECOND, THIRD);
        String history = Sql.value(db, "SELECT count(*) FROM cdr_history");

        // when
        assertThat(Run.rerun(db, input, output, PERIOD)).isEqualTo(ExitCode.DONE);

        // then no CDR was decided again, and the invoices follow the new modes
        assertThat(fileIds(FIRST, SECOND, THIRD)).isEqualTo(ids);
        assertThat(Sql.value(db, "SELECT count(*) FROM cdr_history")).isEqualTo(history);
        assertSameLedgerAsAFreshCatchUp();
    }

    @Test
    void anAccountWhoseCurrencyChangedHasEveryCdrFileReplayedAndItsRowsRejected() throws IOException {
        // given A2 now in USD
        files().accounts("A1,Alpha,SGD,INDIVIDUAL_AND_MONTHLY,100,0.09", "A2,Beta,USD,CONSOLIDATED_MONTHLY,100,0.09");
        String ids = fileIds(FIRST, SECOND, THIRD);

        // when
        assertThat(Run.rerun(db, input, output, PERIOD)).isEqualTo(ExitCode.DONE);

        // then A2's SGD rows are rejected, in files taken in again
        assertThat(rejects(db)).contains(
                List.of(FIRST, "4", "CURRENCY_MISMATCH", ""),
                List.of(SECOND, "4", "CURRENCY_MISMATCH", ""));
        assertThat(fileIds(FIRST, SECOND, THIRD)).isNotEqualTo(ids);
        assertSameLedgerAsAFreshCatchUp();
    }

    /** Files, their counts, rejects, duplicates and balances and invoices equal a fresh catch-up's over the same files. */
    private void assertSameLedgerAsAFreshCatchUp() throws IOException {
        Path freshOut = work.resolve("fresh-" + System.nanoTime());
        String fresh = TestDatabase.freshDatabaseUrl();
        assertThat(Run.nightly(fresh, input, freshOut, LAST_RUN_DATE)).as("fresh catch-up").isEqualTo(ExitCode.DONE);
        assertThat(files(db)).isEqualTo(files(fresh));
        assertThat(rejects(db)).isEqualTo(rejects(fresh));
        assertThat(duplicates(db)).isEqualTo(duplicates(fresh));
        Path rerunFolder = output.resolve("rerun-" + PERIOD);
        Path freshFolder = freshOut.resolve("nightly-" + LAST_RUN_DATE);
        assertThat(Files.readString(rerunFolder.resolve("balances.csv")))
                .isEqualTo(Files.readString(freshFolder.resolve("balances.csv")));
        assertThat(Report.invoicesWithoutRevision(rerunFolder)).isEqualTo(Report.invoicesWithoutRevision(freshFolder));
        assertThat(Sql.value(db, "SELECT count(*) FROM input_file WHERE kept_by_rerun")).isEqualTo("0");
        assertThat(Sql.value(db, "SELECT count(*) FROM cdr_rerun_scope")).isEqualTo("0");
    }

    private static List<List<String>> files(String dbUrl) {
        return Sql.rows(dbUrl, "SELECT file_name, rows_read, accepted, duplicates, rejected, trim_scale(accepted_amount) "
                + "FROM input_file WHERE business_date IS NOT NULL ORDER BY file_name");
    }

    private static List<List<String>> rejects(String dbUrl) {
        return Sql.rows(dbUrl, "SELECT file_name, line, reason, coalesce(item_id, '') FROM reject ORDER BY file_name, line");
    }

    private static List<List<String>> duplicates(String dbUrl) {
        return Sql.rows(dbUrl, "SELECT f.file_name, d.line, d.cdr_id FROM cdr_duplicate d JOIN input_file f USING (file_id) "
                + "ORDER BY 1, 2");
    }

    private String fileIds(String... names) {
        return Sql.value(db, "SELECT string_agg(file_id::text, ',' ORDER BY file_name) FROM input_file "
                + "WHERE file_name = ANY(string_to_array(?, ','))", String.join(",", names));
    }

    private InputFiles files() {
        return InputFiles.in(input);
    }
}
