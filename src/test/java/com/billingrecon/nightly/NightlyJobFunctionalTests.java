package com.billingrecon.nightly;

import static com.billingrecon.support.Report.ANY;
import static com.billingrecon.support.Report.NON_EMPTY;
import static org.assertj.core.api.Assertions.assertThat;

import com.billingrecon.job.ExitCode;
import com.billingrecon.support.InputFiles;
import com.billingrecon.support.Report;
import com.billingrecon.support.ReportFolders;
import com.billingrecon.support.Run;
import com.billingrecon.support.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reading and row rules of SPEC §2 and §3, and the report files of §7, end to end: one catch-up run over a
 * small input folder on a real PostgreSQL, then the day folders are read back and compared with rows written
 * by hand from the SPEC.
 *
 * <p>Given accounts.csv (one bad row, one duplicate) and three business days 2026-10-14..16 (the 15th has no
 * file) whose files hold one row per reject reason, a BOM, CRLF, quoted commas and line breaks, blank lines,
 * broken quoting, a header-only file, a file missing a column, an empty file, a non-UTF-8 file, unrecognized
 * names, a sub-folder and a file dated after the run date: when nightly runs for 2026-10-16, then each test
 * checks one rule in the folders it wrote.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NightlyJobFunctionalTests {

    private static final String RUN_DATE = "2026-10-16";
    private static final String REJECTS_HEADER = "file,line,reason,detail,record";
    private static final String RECONCILIATION_HEADER =
            "file,kind,business_date,status,rows_read,accepted,duplicates,rejected,accepted_amount,detail";

    private Path input;
    private Path output;
    private ExitCode exitCode;

    @BeforeAll
    void nightlyRunOverTheInputFolder(@TempDir Path work) throws IOException {
        input = Files.createDirectory(work.resolve("in"));
        output = work.resolve("out");
        writeInput();
        exitCode = Run.nightly(TestDatabase.freshDatabaseUrl(), input, output, RUN_DATE);
    }

    private void writeInput() throws IOException {
        inputFiles().lines("accounts.csv",
                InputFiles.ACCOUNTS,
                "A1,\"Alpha, Ltd\",SGD,CONSOLIDATED_MONTHLY,500,0.09",
                "A2,Beta,SGD,INDIVIDUAL_AND_MONTHLY,100,0",
                "A3,Gamma,JPY,NO_INVOICE,0,0",
                "A4,Delta,SGD,SOMETIMES,0,0",
                "A1,\"Alpha, Ltd\",SGD,CONSOLIDATED_MONTHLY,500,0.09");

        // 2026-10-14: a BOM and CRLF line ends; lines 3 and 15 are blank
        inputFiles().text("cdr-2026-10-14.csv", "\uFEFF" + String.join("\r\n",
                InputFiles.CDR,
                "C1,A1,CALL,2026-10-14T10:00:00+08:00,60,1.50,SGD,COMPLETED",
                "",
                "C2,A1,SMS,2026-10-14 11:00:00,,0.05,SGD,ONGOING",
                "C3,A9,CALL,2026-10-14T10:00:00Z,60,1,SGD,COMPLETED",
                "C4,A1,CALL,2026-10-14T10:00:00Z,60,1.5e2,SGD,COMPLETED",
                "C5,A1,CALL,2026-10-14T10:00:00Z,60,1,USD,COMPLETED",
                "C6,A1,VIDEO,2026-10-14T10:00:00Z,60,1,SGD,COMPLETED",
                "C7,A1,CALL,2026-10-14T10:00:00Z,60,1,SGD,DONE",
                "C8,A1,CALL,2026-10-32T10:00:00Z,60,1,SGD,COMPLETED",
                "C9,A1,CALL,2026-10-14T10:00:00Z,-5,1,SGD,COMPLETED",
                "C10,A1,CALL,2026-10-14T10:00:00Z,60.0,1,SGD,COMPLETED",
                "C11,A1,CALL,2026-10-15T00:00:01Z,60,1,SGD,COMPLETED",
                ",A1,CALL,2026-10-14T10:00:00Z,60,1,SGD,COMPLETED",
                "",
                "C1,A1,CALL,2026-10-14T10:00:00+08:00,60,1.50,SGD,COMPLETED",
                "C1,A2,CALL,2026-10-14T10:00:00+08:00,60,1.50,SGD,COMPLETED",
                "C1,A1,CALL,2026-10-14T10:00:00+08:00,60,2.00,SGD,COMPLETED",
                "C12,A1,CALL,2026-10-14T10:00:00Z,60,1,SGD",
                "C13,A1,CA\"LL,2026-10-14T10:00:00Z,60,1,SGD,COMPLETED",
                "   ",
                "C14,A1,FAX,2026-10-14T09:00:00.123456789Z,30,0,SGD,FAILED") + "\r\n");
        inputFiles().lines("cdr-2026-10-14-x.csv",
                "cdr_id,account_id,type,start_time,duration_s,amount,currency",
                "X1,A1,CALL,2026-10-14T10:00:00Z,60,1,SGD");
        // columns in another order and an unknown extra column; line 3 holds a quoted line break
        inputFiles().lines("charges-2026-10-14.csv",
                "description,charge_id,account_id,type,charge_date,amount,currency,note",
                "\"Roaming pack, Asia\",CH1,A2,ADDON,2026-10-14,10.00,SGD,x",
                "\"Line one\nline two\",CH2,A1,SUBSCRIPTION,2026-10-01,-2.5,SGD,y",
                "Bad,CH3,A1,SUBSCRIPTION,2026-10-14,5,SGD",
                "\"Roaming pack, Asia\",CH1,A2,ADDON,2026-10-14,10.00,SGD,other",
                "Changed,CH1,A2,ADDON,2026-10-14,10.00,SGD,x",
                "x,CH4,A2,SUBSCRIPTION,2026-10-41,5,SGD,z",
                "x,CH5,A2,INSTALL,2026-10-14,5,SGD,z",
                "\"unterminated,CH6,A2,ADDON,2026-10-14,1,SGD,z",
                "y,CH7,A2,ADDON,2026-10-14,1,SGD,z");
        inputFiles().lines("charges-2026-10-14-b.csv", InputFiles.CHARGES);
        inputFiles().lines("payments-2026-10-14.csv",
                InputFiles.PAYMENTS,
                "P1,A2,2026-10-14,5.00,SGD,CARD,INV-A2-CH1",
                "P2,A2,2026-10-14,0,SGD,CARD,",
                "P3,A2,2026-10-15,1,SGD,CARD,",
                "P4,A3,2026-10-13,100,JPY,BANK,",
                "P5,A2,2026-10-14,1.1234567,SGD,CARD,",
                "P6,A2,14/10/2026,1,SGD,CARD,");

        // 2026-10-15: no file at all

        // 2026-10-16
        inputFiles().lines("cdr-2026-10-16.csv",
                InputFiles.CDR,
                "C2,A1,SMS,2026-10-14 11:00:00,,0.05,SGD,COMPLETED",
                "C1,A1,CALL,2026-10-14T10:00:00+08:00,60,1.50,SGD,COMPLETED",
                "C20,A3,CALL,2026-10-16T09:00:00,+60,100,JPY,COMPLETED",
                "C21,A3,CALL,2026-10-16T09:00:00,-1.5,1,JPY,COMPLETED",
                "C2,A1,SMS,2026-10-14 11:00:00,,0.05,SGD,ONGOING",
                "C22, A1,CALL,2026-10-16T09:00:00Z,60,1,SGD,COMPLETED",
                "C23,A1,CALL,2026-10-16T09:00:00Z,60, 1,SGD,COMPLETED",
                "C24,A1,CALL,2026-10-16T09:00:00Z,60,.5,SGD,COMPLETED",
                "C25,A1,CALL,2026-10-16t09:00:00z,60,1,SGD,COMPLETED",
                "C26,A1,CALL,2026-10-16T09:00:00Z,-0,1,SGD,COMPLETED");
        inputFiles().bytes("cdr-2026-10-16-latin1.csv",
                (InputFiles.CDR + "\nC30,A1,CALL,2026-10-16T09:00:00Z,60,1,SGD,COMPLETED,caf\u00e9\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
        // header names are trimmed; the optional invoice_ref column may be left out
        inputFiles().lines("payments-2026-10-16.csv",
                "payment_id , account_id,payment_date,amount,currency,method",
                "P7,A1,2026-10-15,3,SGD,CARD");
        inputFiles().text("payments-2026-10-16-empty.csv", "");
        // header names are case-sensitive: payment_id is missing
        inputFiles().lines("payments-2026-10-16-upper.csv",
                "PAYMENT_ID,account_id,payment_date,amount,currency,method,invoice_ref",
                "P8,A1,2026-10-16,1,SGD,CARD,");

        // after the run date: neither read nor listed
        inputFiles().lines("cdr-2026-10-17.csv", InputFiles.CDR, "C40,A1,CALL,2026-10-17T09:00:00Z,60,1,SGD,COMPLETED");

        // names the job does not know: listed, never read
        inputFiles().lines("CDR-2026-10-01.csv", InputFiles.CDR, "U1,A1,CALL,2026-10-01T09:00:00Z,60,1,SGD,COMPLETED");
        inputFiles().lines("cdr-2026-02-30.csv", InputFiles.CDR, "U2,A1,CALL,2026-02-28T09:00:00Z,60,1,SGD,COMPLETED");
        inputFiles().lines("notes.txt", "not an input file");
        // a sub-folder is ignored, even holding a well-named file
        Files.createDirectory(input.resolve("archive"));
        inputFiles().write("archive/cdr-2026-10-14-old.csv", InputFiles.CDR,
                "V1,A1,CALL,2026-10-14T09:00:00Z,60,1,SGD,COMPLETED");
    }

    @Test
    void aFileRejectedWholeEndsTheRunWithExitCode3() {
        assertThat(exitCode).isEqualTo(ExitCode.DONE_WITH_FILES_TO_CHECK);
    }

    @Test
    void oneFolderPerBusinessDayFromTheEarliestFileDateToTheRunDateAndNothingElse() {
        // the unrecognized CDR-2026-10-01.csv and cdr-2026-02-30.csv do not start the run earlier;
        // cdr-2026-10-17.csv, after the run date, gets no folder
        assertThat(ReportFolders.names(output))
                .containsExactly("nightly-2026-10-14", "nightly-2026-10-15", "nightly-2026-10-16");
        for (String folder : ReportFolders.names(output)) {
            assertThat(ReportFolders.names(output.resolve(folder)))
                    .containsExactlyInAnyOrderElementsOf(ReportFolders.DAY_FILES);
        }
    }

    @Test
    void everyReportFileIsUtf8WithoutBomWithLfLineEndsAndMinimalQuoting() {
        for (String folder : ReportFolders.names(output)) {
            for (String report : ReportFolders.names(output.resolve(folder)).stream().filter(n -> n.endsWith(".csv")).toList()) {
                // read() asserts the encoding, the line ends and the quoting
                assertThat(Report.read(output.resolve(folder).resolve(report)).header()).as(folder + "/" + report)
                        .isNotEmpty();
            }
        }
    }

    @Test
    void reconciliationOfADayListsAccountsThenTheDaysFilesInProcessingOrderThenUnrecognizedNamesSorted() {
        Path file = output.resolve("nightly-2026-10-14/reconciliation.csv");

        List<List<String>> rows = Report.lines(file, RECONCILIATION_HEADER);

        Report.assertRows(file, rows, List.of(
                accountsRow(),
                // 19 rows: the two blank lines are not rows
                row("cdr-2026-10-14.csv", "cdr", "2026-10-14", "PROCESSED", "19", "3", "1", "15", "1.55", ANY),
                row("cdr-2026-10-14-x.csv", "cdr", "2026-10-14", "REJECTED", "0", "0", "0", "0", "0", NON_EMPTY),
                // the record with a quoted line break is one row; the unterminated quote makes lines 10-11 one row
                row("charges-2026-10-14.csv", "charges", "2026-10-14", "PROCESSED", "8", "2", "1", "5", "7.5", ANY),
                row("charges-2026-10-14-b.csv", "charges", "2026-10-14", "PROCESSED", "0", "0", "0", "0", "0", ANY),
                row("payments-2026-10-14.csv", "payments", "2026-10-14", "PROCESSED", "6", "2", "0", "4", "105", ANY),
                unrecognized("CDR-2026-10-01.csv"),
                unrecognized("cdr-2026-02-30.csv"),
                unrecognized("notes.txt")));
    }

    @Test
    void aFileMissingARequiredColumnIsRejectedWholeWithTheColumnNamedInDetail() {
        Map<String, String> missingStatus = Report.read(output.resolve("nightly-2026-10-14/reconciliation.csv"),
                RECONCILIATION_HEADER).file("cdr-2026-10-14-x.csv");
        Map<String, String> upperCaseId = Report.read(output.resolve("nightly-2026-10-16/reconciliation.csv"),
                RECONCILIATION_HEADER).file("payments-2026-10-16-upper.csv");

        assertThat(missingStatus.get("status")).isEqualTo("REJECTED");
        assertThat(Report.values(missingStatus, "rows_read", "accepted", "duplicates", "rejected", "accepted_amount"))
                .containsOnly("0");
        assertThat(missingStatus.get("detail")).contains("status");
        assertThat(upperCaseId.get("detail")).contains("payment_id");
        assertThat(rejectsOf("nightly-2026-10-14", "cdr-2026-10-14-x.csv")).isEmpty();
        assertThat(rejectsOf("nightly-2026-10-16", "payments-2026-10-16-upper.csv")).isEmpty();
    }

    @Test
    void aDayWithoutFilesStillListsAccountsAndEveryUnrecognizedName() {
        Path file = output.resolve("nightly-2026-10-15/reconciliation.csv");

        Report.assertRows(file, Report.lines(file, RECONCILIATION_HEADER), List.of(
                accountsRow(),
                unrecognized("CDR-2026-10-01.csv"),
                unrecognized("cdr-2026-02-30.csv"),
                unrecognized("notes.txt")));
    }

    @Test
    void anEmptyFileANonUtf8FileAndAWrongCaseHeaderAreRejectedWholeWithAllCountsZero() {
        Path file = output.resolve("nightly-2026-10-16/reconciliation.csv");

        List<List<String>> rows = Report.lines(file, RECONCILIATION_HEADER);

        Report.assertRows(file, rows, List.of(
                accountsRow(),
                row("cdr-2026-10-16.csv", "cdr", "2026-10-16", "PROCESSED", "10", "3", "1", "6", "101.05", ANY),
                row("cdr-2026-10-16-latin1.csv", "cdr", "2026-10-16", "REJECTED", "0", "0", "0", "0", "0", NON_EMPTY),
                row("payments-2026-10-16.csv", "payments", "2026-10-16", "PROCESSED", "1", "1", "0", "0", "3", ANY),
                row("payments-2026-10-16-empty.csv", "payments", "2026-10-16", "REJECTED", "0", "0", "0", "0", "0",
                        NON_EMPTY),
                row("payments-2026-10-16-upper.csv", "payments", "2026-10-16", "REJECTED", "0", "0", "0", "0", "0",
                        NON_EMPTY),
                unrecognized("CDR-2026-10-01.csv"),
                unrecognized("cdr-2026-02-30.csv"),
                unrecognized("notes.txt")));
    }

    @Test
    void rejectsListEveryRejectedRowWithItsReasonPhysicalLineAndRawRecordInProcessingOrder() {
        Path file = output.resolve("nightly-2026-10-14/rejects.csv");

        List<List<String>> rows = Report.lines(file, REJECTS_HEADER);

        Report.assertRows(file, rows, List.of(
                accountsReject(),
                // line numbers are physical: blank line 3 is counted as a line, never as a row; CRs are not in record
                reject("cdr-2026-10-14.csv", 5, "UNKNOWN_ACCOUNT",
                        "C3,A9,CALL,2026-10-14T10:00:00Z,60,1,SGD,COMPLETED"),
                reject("cdr-2026-10-14.csv", 6, "INVALID_AMOUNT",
                        "C4,A1,CALL,2026-10-14T10:00:00Z,60,1.5e2,SGD,COMPLETED"),
                reject("cdr-2026-10-14.csv", 7, "CURRENCY_MISMATCH",
                        "C5,A1,CALL,2026-10-14T10:00:00Z,60,1,USD,COMPLETED"),
                reject("cdr-2026-10-14.csv", 8, "INVALID_TYPE", "C6,A1,VIDEO,2026-10-14T10:00:00Z,60,1,SGD,COMPLETED"),
                reject("cdr-2026-10-14.csv", 9, "INVALID_STATUS", "C7,A1,CALL,2026-10-14T10:00:00Z,60,1,SGD,DONE"),
                reject("cdr-2026-10-14.csv", 10, "INVALID_DATE", "C8,A1,CALL,2026-10-32T10:00:00Z,60,1,SGD,COMPLETED"),
                reject("cdr-2026-10-14.csv", 11, "NEGATIVE_DURATION",
                        "C9,A1,CALL,2026-10-14T10:00:00Z,-5,1,SGD,COMPLETED"),
                reject("cdr-2026-10-14.csv", 12, "INVALID_DURATION",
                        "C10,A1,CALL,2026-10-14T10:00:00Z,60.0,1,SGD,COMPLETED"),
                reject("cdr-2026-10-14.csv", 13, "FUTURE_EVENT",
                        "C11,A1,CALL,2026-10-15T00:00:01Z,60,1,SGD,COMPLETED"),
                reject("cdr-2026-10-14.csv", 14, "MISSING_ID", ",A1,CALL,2026-10-14T10:00:00Z,60,1,SGD,COMPLETED"),
                reject("cdr-2026-10-14.csv", 17, "ID_CONFLICT",
                        "C1,A2,CALL,2026-10-14T10:00:00+08:00,60,1.50,SGD,COMPLETED"),
                reject("cdr-2026-10-14.csv", 18, "ALREADY_FINAL",
                        "C1,A1,CALL,2026-10-14T10:00:00+08:00,60,2.00,SGD,COMPLETED"),
                reject("cdr-2026-10-14.csv", 19, "MALFORMED", "C12,A1,CALL,2026-10-14T10:00:00Z,60,1,SGD"),
                reject("cdr-2026-10-14.csv", 20, "MALFORMED", "C13,A1,CA\"LL,2026-10-14T10:00:00Z,60,1,SGD,COMPLETED"),
                reject("cdr-2026-10-14.csv", 21, "MALFORMED", "   "),
                // the quoted line break of line 3 makes the next record start on line 5
                reject("charges-2026-10-14.csv", 5, "MALFORMED", "Bad,CH3,A1,SUBSCRIPTION,2026-10-14,5,SGD"),
                reject("charges-2026-10-14.csv", 7, "ID_CONFLICT", "Changed,CH1,A2,ADDON,2026-10-14,10.00,SGD,x"),
                reject("charges-2026-10-14.csv", 8, "INVALID_DATE", "x,CH4,A2,SUBSCRIPTION,2026-10-41,5,SGD,z"),
                reject("charges-2026-10-14.csv", 9, "INVALID_TYPE", "x,CH5,A2,INSTALL,2026-10-14,5,SGD,z"),
                reject("charges-2026-10-14.csv", 10, "MALFORMED",
                        "\"unterminated,CH6,A2,ADDON,2026-10-14,1,SGD,z\ny,CH7,A2,ADDON,2026-10-14,1,SGD,z"),
                reject("payments-2026-10-14.csv", 3, "INVALID_AMOUNT", "P2,A2,2026-10-14,0,SGD,CARD,"),
                reject("payments-2026-10-14.csv", 4, "FUTURE_EVENT", "P3,A2,2026-10-15,1,SGD,CARD,"),
                reject("payments-2026-10-14.csv", 6, "INVALID_AMOUNT", "P5,A2,2026-10-14,1.1234567,SGD,CARD,"),
                reject("payments-2026-10-14.csv", 7, "INVALID_DATE", "P6,A2,14/10/2026,1,SGD,CARD,")));
    }

    @Test
    void aCdrMovesFromOngoingToCompletedOnceAndAnIdenticalRepeatOnALaterDayIsADuplicate() {
        // C2 ONGOING -> COMPLETED is accepted, C1's repeat is a duplicate, "-0" is a whole duration: 3 accepted
        Path file = output.resolve("nightly-2026-10-16/rejects.csv");

        Report.assertRows(file, Report.lines(file, REJECTS_HEADER), List.of(
                accountsReject(),
                // "+60" is whole but "-1.5" is negative: NEGATIVE_DURATION before INVALID_DURATION
                reject("cdr-2026-10-16.csv", 5, "NEGATIVE_DURATION",
                        "C21,A3,CALL,2026-10-16T09:00:00,-1.5,1,JPY,COMPLETED"),
                // compared with C2's latest record (COMPLETED on line 2), not with the ONGOING one of the 14th
                reject("cdr-2026-10-16.csv", 6, "ALREADY_FINAL", "C2,A1,SMS,2026-10-14 11:00:00,,0.05,SGD,ONGOING"),
                // values are not trimmed; amounts have no blanks and no bare fraction; T and Z are upper case only
                reject("cdr-2026-10-16.csv", 7, "UNKNOWN_ACCOUNT",
                        "C22, A1,CALL,2026-10-16T09:00:00Z,60,1,SGD,COMPLETED"),
                reject("cdr-2026-10-16.csv", 8, "INVALID_AMOUNT",
                        "C23,A1,CALL,2026-10-16T09:00:00Z,60, 1,SGD,COMPLETED"),
                reject("cdr-2026-10-16.csv", 9, "INVALID_AMOUNT",
                        "C24,A1,CALL,2026-10-16T09:00:00Z,60,.5,SGD,COMPLETED"),
                reject("cdr-2026-10-16.csv", 10, "INVALID_DATE",
                        "C25,A1,CALL,2026-10-16t09:00:00z,60,1,SGD,COMPLETED")));
    }

    @Test
    void aDayWithoutFilesRejectsOnlyTheAccountsRowsOfAccountsCsv() {
        Path file = output.resolve("nightly-2026-10-15/rejects.csv");

        Report.assertRows(file, Report.lines(file, REJECTS_HEADER), List.of(accountsReject()));
    }

    @Test
    void forEveryFileOfEveryFolderRowsReadIsAcceptedPlusDuplicatesPlusRejected() {
        int checked = 0;
        for (String folder : ReportFolders.names(output)) {
            Report reconciliation = Report.read(output.resolve(folder).resolve("reconciliation.csv"),
                    RECONCILIATION_HEADER);
            Report rejects = Report.read(output.resolve(folder).resolve("rejects.csv"), REJECTS_HEADER);
            for (Map<String, String> row : reconciliation.rows()) {
                if (row.get("status").equals("UNRECOGNIZED")) {
                    continue;
                }
                long read = Long.parseLong(row.get("rows_read"));
                long accepted = Long.parseLong(row.get("accepted"));
                long duplicates = Long.parseLong(row.get("duplicates"));
                long rejected = Long.parseLong(row.get("rejected"));
                String file = row.get("file");
                assertThat(read).as("%s %s rows_read", folder, file).isEqualTo(accepted + duplicates + rejected);
                assertThat(rejects.rowsWhere("file", file).size())
                        .as("%s: rows of %s in rejects.csv", folder, file).isEqualTo(rejected);
                checked++;
            }
        }
        assertThat(checked).as("files listed with counts").isEqualTo(6 + 1 + 6);
    }

    @Test
    void unrecognizedNamesAreListedInEveryFolderAndFilesDatedAfterTheRunDateNowhere() throws IOException {
        for (String folder : ReportFolders.names(output)) {
            String reconciliation = Files.readString(output.resolve(folder).resolve("reconciliation.csv"));
            assertThat(reconciliation).as(folder)
                    .contains("CDR-2026-10-01.csv,,,UNRECOGNIZED,,,,,,\n")
                    .contains("cdr-2026-02-30.csv,,,UNRECOGNIZED,,,,,,\n")
                    .contains("notes.txt,,,UNRECOGNIZED,,,,,,\n")
                    .doesNotContain("cdr-2026-10-17")
                    .doesNotContain("archive")
                    .doesNotContain("cdr-2026-10-14-old");
            for (String report : ReportFolders.names(output.resolve(folder))) {
                assertThat(Files.readString(output.resolve(folder).resolve(report))).as(folder + "/" + report)
                        .doesNotContain("C40").doesNotContain("U1,").doesNotContain("U2,").doesNotContain("V1,");
            }
        }
    }

    private List<Map<String, String>> rejectsOf(String folder, String inputFile) {
        return Report.read(output.resolve(folder).resolve("rejects.csv"), REJECTS_HEADER).rowsWhere("file", inputFile);
    }

    /** accounts.csv: 5 rows, 3 accounts, the repeat of A1 a duplicate, A4's unknown mode a reject. */
    private static List<String> accountsRow() {
        return row("accounts.csv", "accounts", "", "PROCESSED", "5", "3", "1", "1", "", ANY);
    }

    private static List<String> accountsReject() {
        return reject("accounts.csv", 5, "INVALID_MODE", "A4,Delta,SGD,SOMETIMES,0,0");
    }

    private static List<String> unrecognized(String file) {
        return row(file, "", "", "UNRECOGNIZED", "", "", "", "", "", "");
    }

    private static List<String> reject(String file, int line, String reason, String record) {
        return List.of(file, String.valueOf(line), reason, NON_EMPTY, record);
    }

    private static List<String> row(String... cells) {
        return List.of(cells);
    }

    private InputFiles inputFiles() {
        return InputFiles.in(input);
    }
}
