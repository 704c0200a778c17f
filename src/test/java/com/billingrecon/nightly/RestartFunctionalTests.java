package com.billingrecon.nightly;

import static com.billingrecon.ingest.IngestionStepsConfiguration.CHUNK_SIZE;
import static org.assertj.core.api.Assertions.assertThat;

import com.billingrecon.job.ExitCode;
import com.billingrecon.support.GeneratedInput;
import com.billingrecon.support.InjectedFailure;
import com.billingrecon.support.Ledger;
import com.billingrecon.support.ReportFolders;
import com.billingrecon.support.Run;
import com.billingrecon.support.Slow;
import com.billingrecon.support.Sql;
import com.billingrecon.support.TestDatabase;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fail, then restart (SPEC §1, §7 exit code 1: "nothing half-written; the same command again resumes"), in the
 * manner of spring-batch-samples' RestartFunctionalTests, with the failure injected at the database: a trigger
 * makes the Nth insert into a table fail, in the middle of a step of a later day, after earlier days were closed
 * and, for cdrIngestion, after some chunks of the day were committed. The run exits 1; the trigger is dropped (the
 * cause is fixed); the same command runs again and exits 0. Its folders must be byte for byte those of a clean
 * run on a fresh database, and its ledger the clean run's: no row taken in twice, none lost.
 *
 * <p>Input: four days 2026-10-30..11-02 (October closes on 11-01) with two and a half chunks of CDR rows a day,
 * rejected rows, duplicates, ONGOING CDRs completed the next day, charges and payments every day.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Slow
class RestartFunctionalTests {

    private static final LocalDate FIRST_DAY = LocalDate.parse("2026-10-30");
    private static final String RUN_DATE = "2026-11-02";
    private static final int CDRS_PER_DAY = 2 * CHUNK_SIZE + CHUNK_SIZE / 2;
    /** Ledger tables beyond {@link Ledger#TABLES} that a run fills and a restart must not fill twice. */
    private static final List<String> MORE_TABLES = List.of("cdr_history", "allocation", "invoice_item",
            "day_listing");

    private Path input;
    private Path cleanOutput;
    private String cleanDb;
    private Map<String, byte[]> cleanReports;

    @BeforeAll
    void aCleanRunOnAFreshDatabase(@TempDir Path shared) throws Exception {
        input = shared.resolve("in");
        GeneratedInput.write(input, FIRST_DAY, 4, CDRS_PER_DAY);
        cleanOutput = shared.resolve("clean");
        cleanDb = TestDatabase.freshDatabaseUrl();
        assertThat(Run.nightly(cleanDb, input, cleanOutput, RUN_DATE)).isEqualTo(ExitCode.DONE);
        cleanReports = ReportFolders.snapshot(cleanOutput);
        assertThat(cleanReports).hasSize(ReportFolders.DAY_FILES.size() * 4);
        assertThat(count(cleanDb, "invoice WHERE issue_date = '2026-11-01' AND kind <> 'INDIVIDUAL'"))
                .as("October's close issues monthly invoices").isPositive();
    }

    @Test
    void aFailureInTheMiddleOfCdrIngestionAfterSomeChunksWereCommitted(@TempDir Path work) {
        // a record of 10-31's second chunk fails: the day's first chunk is committed
        long nth = count(cleanDb, "cdr_history WHERE business_date < '2026-10-31'") + CHUNK_SIZE + CHUNK_SIZE / 2;
        long dayRecords = count(cleanDb, "cdr_history WHERE business_date = '2026-10-31'");

        failThenRestart(work, "cdr_history", nth, db -> {
            assertThat(count(db, "cdr_history WHERE business_date = '2026-10-31'"))
                    .as("the chunk before the failure stays committed, the failed one is rolled back")
                    .isBetween(CHUNK_SIZE / 2L, (long) CHUNK_SIZE).isLessThan(dayRecords);
            assertThat(Sql.value(db, "SELECT rows_read FROM input_file WHERE file_name = 'cdr-2026-10-31.csv'"))
                    .as("the committed chunk's rows are counted").isEqualTo(String.valueOf(CHUNK_SIZE));
            assertThat(closedDays(db)).containsExactly("2026-10-30");
        });
    }

    @Test
    void aDayWhoseStatusWasLostAfterAFailureInCdrIngestionIsResumedFromItsLastCommittedChunk(@TempDir Path work) {
        // a failure in 10-31's second chunk; then the status the framework could not save: UNKNOWN
        long nth = count(cleanDb, "cdr_history WHERE business_date < '2026-10-31'") + CHUNK_SIZE + CHUNK_SIZE / 2;

        failThenRestart(work, "cdr_history", nth, db -> {
            Sql.rows(db, "UPDATE batch_step_execution SET status = 'UNKNOWN' WHERE status = 'FAILED' RETURNING 1");
            Sql.rows(db, "UPDATE batch_job_execution SET status = 'UNKNOWN' WHERE status = 'FAILED' RETURNING 1");
            assertThat(Sql.value(db, "SELECT count(*) FROM batch_job_execution WHERE status = 'UNKNOWN'"))
                    .isEqualTo("1");
        });
    }

    @Test
    void aFailureWhileInvoicingTheCloseOfOctober(@TempDir Path work) {
        // the second invoice issued on 11-01
        long nth = count(cleanDb, "invoice WHERE issue_date < '2026-11-01'") + 2;

        failThenRestart(work, "invoice", nth, db -> {
            assertThat(count(db, "invoice WHERE issue_date = '2026-11-01'")).as("invoicing is all or nothing")
                    .isZero();
            assertThat(count(db, "cdr_history WHERE business_date = '2026-11-01'"))
                    .as("the day's rows were taken in before invoicing").isPositive();
            assertThat(closedDays(db)).containsExactly("2026-10-30", "2026-10-31");
        });
    }

    @Test
    void aFailureWhileSettlingTheDayAfterTheClose(@TempDir Path work) {
        // an application of money on 11-02, when October's invoices are paid
        long nth = count(cleanDb, "allocation WHERE business_date < '2026-11-02'") + 2;
        assertThat(count(cleanDb, "allocation WHERE business_date = '2026-11-02'")).isGreaterThanOrEqualTo(2);

        failThenRestart(work, "allocation", nth, db -> {
            assertThat(count(db, "allocation WHERE business_date = '2026-11-02'")).isZero();
            assertThat(closedDays(db)).containsExactly("2026-10-30", "2026-10-31", "2026-11-01");
        });
    }

    @Test
    void aFailureClosingTheDayAfterItsReportFolderWasPublished(@TempDir Path work) {
        // the second business day recorded: 10-31, whose folder is already renamed into place
        failThenRestart(work, "business_day", 2, db -> {
            assertThat(closedDays(db)).containsExactly("2026-10-30");
            assertThat(work.resolve("out/nightly-2026-10-31")).as("published before the failure").isDirectory();
        });
    }

    /**
     * Given a fresh database whose {@code table} fails from its {@code nth} insert on, when nightly runs it exits
     * 1 ({@code afterFailure} checks where it stopped); when the cause is removed and the same command runs
     * again, then it exits 0 with the clean run's folders and ledger.
     */
    private void failThenRestart(Path work, String table, long nth, Consumer<String> afterFailure) {
        // given
        String db = TestDatabase.freshDatabaseUrl();
        Path output = work.resolve("out");
        InjectedFailure.migrate(db);
        InjectedFailure.failFromNthInsert(db, table, nth);

        // when
        ExitCode failed = Run.nightly(db, input, output, RUN_DATE);

        // then
        assertThat(failed).isEqualTo(ExitCode.FAILED);
        assertThat(InjectedFailure.insertsSeen(db)).as("the injected failure struck").isEqualTo(nth);
        afterFailure.accept(db);
        for (String name : ReportFolders.names(output)) {
            assertThat(ReportFolders.names(output.resolve(name))).as("folder %s is whole", name)
                    .hasSize(ReportFolders.DAY_FILES.size());
        }

        // when the cause is fixed and the same command runs again
        InjectedFailure.remove(db, table);
        ExitCode restarted = Run.nightly(db, input, output, RUN_DATE);

        // then
        assertThat(restarted).isEqualTo(ExitCode.DONE);
        ReportFolders.assertSameFiles(ReportFolders.snapshot(output), cleanReports);
        assertThat(ledger(db)).isEqualTo(ledger(cleanDb));
        assertThat(Sql.rows(db, "SELECT sum(rows_read), sum(accepted), sum(duplicates), sum(rejected) FROM input_file"))
                .as("no row taken in twice").isEqualTo(
                        Sql.rows(cleanDb, "SELECT sum(rows_read), sum(accepted), sum(duplicates), sum(rejected) "
                                + "FROM input_file"));
    }

    /** The ledger but business_day, which records when each day was closed. */
    private static Map<String, String> ledger(String db) {
        Map<String, String> contents = new LinkedHashMap<>(Ledger.contents(db));
        contents.remove("business_day");
        for (String table : MORE_TABLES) {
            contents.put(table, Sql.value(db, Ledger.digestSql(table)));
        }
        return contents;
    }

    private static List<String> closedDays(String db) {
        return Sql.rows(db, "SELECT business_date FROM business_day ORDER BY business_date").stream()
                .map(row -> row.get(0)).toList();
    }

    private static long count(String db, String tableAndCondition) {
        return Long.parseLong(Sql.value(db, "SELECT count(*) FROM " + tableAndCondition));
    }
}
