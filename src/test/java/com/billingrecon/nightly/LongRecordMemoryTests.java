package com.billingrecon.nightly;

import static com.billingrecon.ingest.csv.CsvRecordReader.MAX_RECORD_CODE_POINTS;
import static org.assertj.core.api.Assertions.assertThat;

import com.billingrecon.support.ChildRun;
import com.billingrecon.support.InputFiles;
import com.billingrecon.support.Report;
import com.billingrecon.support.Slow;
import com.billingrecon.support.TestDatabase;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC §8: memory does not depend on the length of a record or of a file. The whole night runs in a child JVM
 * whose heap (256 MB) is smaller than the text that an unbounded reader would hold: a CDR file with one 300 MB
 * field, and a 180 MB file whose second row opens a quote it never closes (the rest of the file, were the record
 * not cut at 65,536 characters). Its rows are as long as a record may nearly be (a 60,000-character value in an
 * extra column, which is ignored), so the rows in flight must be bounded by their text, not only by their count.
 * A third day rejects 2,500 such rows (150 MB of raw records), which its rejects.csv must stream, not hold.
 * The files are generated in a temporary folder, streamed, and deleted afterwards.
 */
@Slow
class LongRecordMemoryTests {

    private static final String CDR_HEADER = InputFiles.CDR;
    private static final int HUGE_FIELD_MB = 300;
    private static final int LONG_ROWS = 3_000;
    private static final int REJECTED_ROWS = 2_500;
    private static final String NOTE = "n".repeat(60_000);

    @TempDir
    Path work;

    @Test
    void aNightWithA300MegabyteFieldAndAnEarlyUnterminatedQuoteInALargeFileRunsIn256MegabytesOfHeap()
            throws Exception {
        // given
        Path input = Files.createDirectory(work.resolve("in"));
        InputFiles.in(input).accounts("A1,Alpha,SGD,NO_INVOICE,0,0");
        writeHugeFieldFile(input.resolve("cdr-2026-10-01.csv"));
        List<String> longFile = writeUnterminatedQuoteFile(input.resolve("cdr-2026-10-02.csv"));
        writeLongRejectedRowsFile(input.resolve("cdr-2026-10-03.csv"));
        Path output = work.resolve("out");

        // when
        int exit;
        String childOutput;
        try (ChildRun night = ChildRun.startWithHeap("256m", "nightly", "--run-date=2026-10-03",
                "--input-dir=" + input, "--output-dir=" + output, "--db-url=" + TestDatabase.freshDatabaseUrl(),
                "--db-user=postgres")) {
            exit = night.exitCode();
            childOutput = night.output();
        }

        // then
        assertThat(exit).as("exit code; the run's output:\n%s", childOutput).isZero();
        assertThat(childOutput).doesNotContain("OutOfMemoryError");

        Map<String, String> huge = Report.of(output, "2026-10-01", "reconciliation.csv")
                .row("file", "cdr-2026-10-01.csv");
        assertThat(Report.values(huge, "status", "rows_read", "accepted", "duplicates", "rejected"))
                .containsExactly("PROCESSED", "3", "2", "0", "1");
        Map<String, String> hugeReject = Report.of(output, "2026-10-01", "rejects.csv").row("file",
                "cdr-2026-10-01.csv");
        assertThat(Report.values(hugeReject, "line", "reason")).containsExactly("3", "MALFORMED");
        assertThat(hugeReject.get("detail")).contains("longer than 65,536 characters");
        assertThat(hugeReject.get("record")).hasSize(MAX_RECORD_CODE_POINTS).startsWith("C2,A1,CALL,");

        // the cut record starts on line 3 and holds 65,536 characters of the text from there (line breaks
        // included); reading resumes at the line after the one holding the next character
        String fromCut = String.join("\n", longFile.subList(2, longFile.size()));
        int resumeLine = 3 + (int) fromCut.substring(0, MAX_RECORD_CODE_POINTS).chars()
                .filter(c -> c == '\n').count() + 1;
        int readNormally = longFile.size() - resumeLine + 1;
        Map<String, String> cut = Report.of(output, "2026-10-02", "reconciliation.csv")
                .row("file", "cdr-2026-10-02.csv");
        assertThat(Report.values(cut, "status", "rows_read", "accepted", "rejected"))
                .containsExactly("PROCESSED", String.valueOf(1 + 1 + readNormally), String.valueOf(1 + readNormally),
                        "1");
        Map<String, String> cutReject = Report.of(output, "2026-10-02", "rejects.csv").row("file",
                "cdr-2026-10-02.csv");
        assertThat(Report.values(cutReject, "line", "reason")).containsExactly("3", "MALFORMED");
        assertThat(cutReject.get("record")).isEqualTo(fromCut.substring(0, MAX_RECORD_CODE_POINTS));

        Map<String, String> rejected = Report.of(output, "2026-10-03", "reconciliation.csv")
                .row("file", "cdr-2026-10-03.csv");
        assertThat(Report.values(rejected, "rows_read", "accepted", "rejected"))
                .containsExactly(String.valueOf(REJECTED_ROWS), "0", String.valueOf(REJECTED_ROWS));
        try (var lines = Files.lines(output.resolve("nightly-2026-10-03/rejects.csv"))) {
            assertThat(lines.filter(line -> line.startsWith("cdr-2026-10-03.csv,")
                    && line.contains(",UNKNOWN_ACCOUNT,") && line.endsWith(NOTE + "\""))).hasSize(REJECTED_ROWS);
        }
    }

    /** REJECTED_ROWS rows of 60,000 characters, each for an account that does not exist. */
    private static void writeLongRejectedRowsFile(Path file) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write((CDR_HEADER + ",note\n").getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < REJECTED_ROWS; i++) {
                out.write(("R" + i + ",NOBODY,SMS,2026-10-03T09:00:00Z,1,0.01,SGD,COMPLETED," + NOTE + "\n")
                        .getBytes(StandardCharsets.US_ASCII));
            }
        }
    }

    /** A valid row, a row whose duration field holds 300 MB, and a valid row. */
    private static void writeHugeFieldFile(Path file) throws IOException {
        byte[] megabyte = new byte[1 << 20];
        Arrays.fill(megabyte, (byte) '7');
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write((CDR_HEADER + "\nC1,A1,CALL,2026-10-01T09:00:00Z,60,1.5,SGD,COMPLETED\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write("C2,A1,CALL,2026-10-01T10:00:00Z,".getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < HUGE_FIELD_MB; i++) {
                out.write(megabyte);
            }
            out.write((",1,SGD,COMPLETED\nC3,A1,SMS,2026-10-01T11:00:00Z,,0.05,SGD,COMPLETED\n")
                    .getBytes(StandardCharsets.US_ASCII));
        }
    }

    /**
     * A header with an extra column, one valid row, a row that opens a quote it never closes, then LONG_ROWS
     * valid rows of 60,000 characters each. Returns the lines as written (the header is the first).
     */
    private static List<String> writeUnterminatedQuoteFile(Path file) throws IOException {
        List<String> lines = new ArrayList<>(List.of(CDR_HEADER + ",note",
                "D0,A1,SMS,2026-10-02T08:00:00Z,,0.05,SGD,COMPLETED,short",
                "D1,A1,SMS,\"2026-10-02T08:00:01Z,,0.05,SGD,COMPLETED,opens a quote"));
        for (int i = 2; i < LONG_ROWS + 2; i++) {
            lines.add("D" + i + ",A1,SMS,2026-10-02T09:00:00Z,1,0.01,SGD,COMPLETED," + NOTE);
        }
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            for (String line : lines) {
                out.write(line.getBytes(StandardCharsets.US_ASCII));
                out.write('\n');
            }
        }
        return lines;
    }
}
