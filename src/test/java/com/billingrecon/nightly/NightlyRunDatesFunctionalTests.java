package com.billingrecon.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import com.billingrecon.job.ExitCode;
import com.billingrecon.support.InputFiles;
import com.billingrecon.support.Ledger;
import com.billingrecon.support.Report;
import com.billingrecon.support.ReportFolders;
import com.billingrecon.support.Run;
import com.billingrecon.support.Slow;
import com.billingrecon.support.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC §1 and §7 on run dates: the same run twice changes nothing; a run date already closed is a no-op with exit
 * code 0; an earlier run date never closed is a usage error; a catch-up writes byte for byte the folders of
 * day-by-day runs. Over four days 2026-10-30..11-02 that close October (invoices issued on 11-01), with late
 * usage, an ONGOING CDR completed later, payments, rejected rows, a file rejected whole and an unrecognized name.
 */
@Slow
class NightlyRunDatesFunctionalTests {

    private static final List<String> DAYS = List.of("2026-10-30", "2026-10-31", "2026-11-01", "2026-11-02");
    private static final String LAST_DAY = "2026-11-02";

    @TempDir
    Path work;

    private Path input;

    @BeforeEach
    void inputFolderSpanningAMonthEnd() throws IOException {
        input = Files.createDirectory(work.resolve("in"));
        inputFiles().lines("accounts.csv",
                InputFiles.ACCOUNTS,
                "A1,Alpha,SGD,CONSOLIDATED_MONTHLY,50,0.09",
                "A2,Beta,SGD,INDIVIDUAL_AND_MONTHLY,100,0.09",
                "A3,Gamma,JPY,NO_INVOICE,0,0");
        inputFiles().lines("cdr-2026-10-30.csv", InputFiles.CDR,
                "C1,A1,CALL,2026-10-30T10:00:00Z,120,12.345,SGD,COMPLETED",
                "C2,A2,CALL,2026-10-30T11:00:00+08:00,60,3,SGD,ONGOING",
                "C3,A9,CALL,2026-10-30T11:00:00Z,60,1,SGD,COMPLETED",
                "C4,A2,SMS,2026-10-30 12:00:00,,0.05,SGD,COMPLETED");
        inputFiles().lines("charges-2026-10-30.csv", InputFiles.CHARGES,
                "CH1,A2,SUBSCRIPTION,2026-10-30,20,SGD,\"Plan, monthly\"",
                "CH2,A1,ADDON,2026-10-29,5,SGD,Data pack",
                "CH3,A1,SERVICE,2026-10-30,-1.5,SGD,Goodwill credit");
        inputFiles().lines("payments-2026-10-31.csv", InputFiles.PAYMENTS,
                "P1,A2,2026-10-31,10,SGD,CARD,INV-A2-CH1",
                "P2,A2,2026-10-31,-1,SGD,CARD,");
        inputFiles().lines("cdr-2026-11-01.csv", InputFiles.CDR,
                "C2,A2,CALL,2026-10-30T11:00:00+08:00,60,3,SGD,COMPLETED",
                "C5,A1,CALL,2026-10-31T23:00:00-05:00,60,1,SGD,COMPLETED",
                "C6,A3,CALL,2026-10-31T10:00:00Z,60,250,JPY,COMPLETED");
        inputFiles().lines("cdr-2026-11-02.csv", InputFiles.CDR,
                "C7,A1,CALL,2026-10-20T10:00:00Z,60,2,SGD,COMPLETED",
                "C1,A1,CALL,2026-10-30T10:00:00Z,120,12.345,SGD,COMPLETED");
        inputFiles().lines("payments-2026-11-02.csv", InputFiles.PAYMENTS,
                "P3,A1,2026-11-02,50,SGD,BANK,",
                "P4,A3,2026-11-01,1000,JPY,BANK,",
                "P5,A2,2026-11-02,30.123456,SGD,GIRO,");
        inputFiles().lines("charges-2026-11-02-bad.csv", "charge_id,account_id,type,amount,currency,description",
                "CH9,A1,ADDON,1,SGD,x");
        inputFiles().lines("notes.txt", "hello");
        inputFiles().lines("cdr-2026-11-03.csv", InputFiles.CDR, "C9,A1,CALL,2026-11-03T10:00:00Z,60,1,SGD,COMPLETED");
    }

    @Test
    void runningTheSameRunDateTwiceChangesNothingAndTheSecondRunExits0() {
        // given a first run to the last day
        String db = TestDatabase.freshDatabaseUrl();
        Path out = work.resolve("out");
        Map<String, byte[]> reports = closeAllFourDays(db, out);
        Map<String, String> ledger = Ledger.contents(db);

        // when the same command runs again
        ExitCode again = Run.nightly(db, input, out, LAST_DAY);

        // then
        assertThat(again).isEqualTo(ExitCode.DONE);
        ReportFolders.assertSameFiles(ReportFolders.snapshot(out), reports);
        assertThat(Ledger.contents(db)).isEqualTo(ledger);
        assertThat(Ledger.count(db, "invoice")).as("October closed: invoices were issued").isPositive();
    }

    @Test
    void aRunDateEqualToAClosedDayExits0AndChangesNothingEvenWithNewFilesForThatDay() throws IOException {
        // given days 10-30..11-02 closed
        String db = TestDatabase.freshDatabaseUrl();
        Path out = work.resolve("out");
        Map<String, byte[]> reports = closeAllFourDays(db, out);
        Map<String, String> ledger = Ledger.contents(db);
        inputFiles().lines("cdr-2026-10-31-late.csv", InputFiles.CDR,
                "C8,A1,CALL,2026-10-31T10:00:00Z,60,7,SGD,COMPLETED");

        // when nightly runs for a day already closed
        ExitCode exit = Run.nightly(db, input, out, "2026-10-31");

        // then that day's reports stay as they are and nothing is taken in
        assertThat(exit).isEqualTo(ExitCode.DONE);
        ReportFolders.assertSameFiles(ReportFolders.snapshot(out), reports);
        assertThat(Ledger.contents(db)).isEqualTo(ledger);
    }

    @Test
    void aRunDateBeforeTheLastRunDateThatWasNeverClosedIsAUsageErrorThatWritesNothing() {
        // given days 10-30..11-02 closed
        String db = TestDatabase.freshDatabaseUrl();
        Path out = work.resolve("out");
        Map<String, byte[]> reports = closeAllFourDays(db, out);
        Map<String, String> ledger = Ledger.contents(db);

        // when nightly runs for a day before the first closed day
        ExitCode exit = Run.nightly(db, input, out, "2026-10-29");

        // then
        assertThat(exit).isEqualTo(ExitCode.USAGE);
        assertThat(ReportFolders.names(out)).doesNotContain("nightly-2026-10-29");
        ReportFolders.assertSameFiles(ReportFolders.snapshot(out), reports);
        assertThat(Ledger.contents(db)).isEqualTo(ledger);
    }

    @Test
    void aFirstRunWithNoFileDatedOnOrBeforeTheRunDateCoversTheRunDateAlone() {
        // given an empty database and files dated 2026-10-30 onwards
        String db = TestDatabase.freshDatabaseUrl();
        Path out = work.resolve("out");

        // when nightly runs for the day before the first file
        ExitCode exit = Run.nightly(db, input, out, "2026-10-29");

        // then one folder: accounts.csv and the unrecognized name, no file of a later date
        assertThat(exit).isEqualTo(ExitCode.DONE);
        assertThat(ReportFolders.names(out)).containsExactly("nightly-2026-10-29");
        Path reconciliation = out.resolve("nightly-2026-10-29/reconciliation.csv");
        Report.assertRows(reconciliation, Report.lines(reconciliation,
                        "file,kind,business_date,status,rows_read,accepted,duplicates,rejected,accepted_amount,detail"),
                List.of(List.of("accounts.csv", "accounts", "", "PROCESSED", "3", "3", "0", "0", "", Report.ANY),
                        List.of("notes.txt", "", "", "UNRECOGNIZED", "", "", "", "", "", "")));
        assertThat(Ledger.count(db, "cdr") + Ledger.count(db, "charge") + Ledger.count(db, "payment")).isZero();
    }

    @Test
    void aCatchUpOverFourDaysWritesTheSameFoldersByteForByteAsFourDayByDayRuns() {
        // given two empty databases
        String catchUpDb = TestDatabase.freshDatabaseUrl();
        String dayByDayDb = TestDatabase.freshDatabaseUrl();
        Path catchUpOut = work.resolve("catch-up");
        Path dayByDayOut = work.resolve("day-by-day");

        // when one catches up to the last day and the other runs every day
        ExitCode catchUp = Run.nightly(catchUpDb, input, catchUpOut, LAST_DAY);
        List<ExitCode> dayByDay = DAYS.stream().map(day -> Run.nightly(dayByDayDb, input, dayByDayOut, day)).toList();

        // then
        assertThat(catchUp).isEqualTo(ExitCode.DONE_WITH_FILES_TO_CHECK);
        assertThat(dayByDay).containsExactly(ExitCode.DONE, ExitCode.DONE, ExitCode.DONE,
                ExitCode.DONE_WITH_FILES_TO_CHECK);
        assertThat(ReportFolders.names(catchUpOut))
                .containsExactlyElementsOf(DAYS.stream().map(day -> "nightly-" + day).toList());
        Map<String, byte[]> caughtUp = ReportFolders.snapshot(catchUpOut);
        assertThat(caughtUp).hasSize(ReportFolders.DAY_FILES.size() * DAYS.size());
        ReportFolders.assertSameFiles(ReportFolders.snapshot(dayByDayOut), caughtUp);
        assertThat(new String(caughtUp.get("nightly-2026-11-01/invoices.csv"), StandardCharsets.UTF_8))
                .as("the folders compared hold October's invoices").contains("INV-A1-202610-C", "INV-A2-202610-U");
        assertThat(withoutCloseTimes(Ledger.contents(dayByDayDb)))
                .isEqualTo(withoutCloseTimes(Ledger.contents(catchUpDb)));
    }

    /** A catch-up to the last day; its exit code is 3 (a file rejected whole) and it writes 4 folders of 4 files. */
    private Map<String, byte[]> closeAllFourDays(String db, Path out) {
        assertThat(Run.nightly(db, input, out, LAST_DAY)).isEqualTo(ExitCode.DONE_WITH_FILES_TO_CHECK);
        Map<String, byte[]> reports = ReportFolders.snapshot(out);
        assertThat(reports).hasSize(ReportFolders.DAY_FILES.size() * DAYS.size());
        return reports;
    }

    /** business_day records when each day was closed: the one thing two databases may not share. */
    private static Map<String, String> withoutCloseTimes(Map<String, String> ledger) {
        Map<String, String> rest = new LinkedHashMap<>(ledger);
        rest.remove("business_day");
        return rest;
    }

    private InputFiles inputFiles() {
        return InputFiles.in(input);
    }
}
