package com.billingrecon.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One report file, read strictly as SPEC §7 says it is written (UTF-8 without BOM, LF, RFC 4180 quoting only
 * where needed, every row as wide as the header), with access by column name: rows in file order, or keyed by
 * a column ({@code account_id} for balances, {@code invoice_no} for invoices, {@code file} for reconciliation).
 * Whole lines can also be compared with lines written by hand from the SPEC ({@link #assertRows}).
 */
public final class Report {

    /** In an expected line: any text at all (a free-text column the SPEC does not fix). */
    public static final String ANY = "\u0000any";
    /** In an expected line: any text but the empty one (free text that must say something). */
    public static final String NON_EMPTY = "\u0000non-empty";

    private final Path file;
    private final List<String> header;
    private final List<List<String>> lines;
    private final List<Map<String, String>> rows;

    private Report(Path file, List<String> header, List<List<String>> lines) {
        this.file = file;
        this.header = header;
        this.lines = lines;
        this.rows = new ArrayList<>();
        for (List<String> line : lines) {
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), line.get(i));
            }
            rows.add(row);
        }
    }

    /** {@code <output>/nightly-<day>/<name>}, e.g. {@code Report.of(out, "2026-11-01", "balances.csv")}. */
    public static Report of(Path outputDir, String day, String name) {
        return read(outputDir.resolve("nightly-" + day).resolve(name));
    }

    public static Report balances(Path outputDir, String day) {
        return of(outputDir, day, "balances.csv");
    }

    public static Report invoices(Path outputDir, String day) {
        return of(outputDir, day, "invoices.csv");
    }

    /**
     * The rows of a folder's {@code invoices.csv}, each without its {@code revision}: what a rerun's register
     * shares with a fresh catch-up's (SPEC §6).
     */
    public static List<Map<String, String>> invoicesWithoutRevision(Path folder) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (Map<String, String> row : read(folder.resolve("invoices.csv")).rows()) {
            Map<String, String> rest = new LinkedHashMap<>(row);
            rest.remove("revision");
            rows.add(rest);
        }
        return rows;
    }

    /** The report in {@code file}. Fails on text the writer is not allowed to produce. */
    public static Report read(Path file) {
        String text = strictUtf8(bytes(file), file);
        assertThat(text).as("%s must not start with a byte-order mark", file).doesNotStartWith("\uFEFF");
        assertThat(text).as("%s must use LF line ends only", file).doesNotContain("\r");
        assertThat(text).as("%s must end its last record with LF", file).endsWith("\n");
        List<List<String>> records = CsvText.parse(text, file);
        assertThat(CsvText.write(records))
                .as("%s must quote a value only when it holds a comma, a quote or a line break", file).isEqualTo(text);
        List<String> header = records.get(0);
        List<List<String>> lines = records.subList(1, records.size());
        for (List<String> line : lines) {
            assertThat(line).as("%s: a row as wide as the header %s", file, header).hasSameSizeAs(header);
        }
        return new Report(file, header, lines);
    }

    /** The report in {@code file}, after checking its header is exactly {@code header}. */
    public static Report read(Path file, String header) {
        Report report = read(file);
        assertThat(String.join(",", report.header)).as("header of %s", file).isEqualTo(header);
        return report;
    }

    /** The rows of {@code file} as lines of values in column order, after checking the header. */
    public static List<List<String>> lines(Path file, String header) {
        return read(file, header).lines();
    }

    public List<String> header() {
        return header;
    }

    /** The rows without the header, each as its values in column order. */
    public List<List<String>> lines() {
        return lines;
    }

    public List<Map<String, String>> rows() {
        return rows;
    }

    /** The rows whose {@code column} is {@code value}, in file order. */
    public List<Map<String, String>> rowsWhere(String column, String value) {
        requireColumn(column);
        return rows.stream().filter(row -> row.get(column).equals(value)).toList();
    }

    /** The rows by the value of {@code keyColumn}, in file order; a repeated key is an error. */
    public Map<String, Map<String, String>> by(String keyColumn) {
        requireColumn(keyColumn);
        Map<String, Map<String, String>> keyed = new LinkedHashMap<>();
        for (Map<String, String> row : rows) {
            if (keyed.put(row.get(keyColumn), row) != null) {
                throw new IllegalStateException(file + ": key " + row.get(keyColumn) + " appears twice");
            }
        }
        return keyed;
    }

    /** The one row whose {@code keyColumn} is {@code key}. */
    public Map<String, String> row(String keyColumn, String key) {
        Map<String, String> row = by(keyColumn).get(key);
        if (row == null) {
            throw new AssertionError("no row with " + keyColumn + " = " + key + " in " + file + ": " + rows);
        }
        return row;
    }

    /** The balances.csv row of an account. */
    public Map<String, String> account(String accountId) {
        return row("account_id", accountId);
    }

    /** The invoices.csv row of an invoice. */
    public Map<String, String> invoice(String invoiceNo) {
        return row("invoice_no", invoiceNo);
    }

    /** The reconciliation.csv row of a file. */
    public Map<String, String> file(String fileName) {
        return row("file", fileName);
    }

    /** The values of {@code columns} in {@code row}, in the order asked: one assertion checks a whole line. */
    public static List<String> values(Map<String, String> row, String... columns) {
        List<String> values = new ArrayList<>();
        for (String column : columns) {
            if (!row.containsKey(column)) {
                throw new AssertionError("no column " + column + " in " + row.keySet());
            }
            values.add(row.get(column));
        }
        return values;
    }

    /** The values of one column, in file order. */
    public List<String> column(String name) {
        requireColumn(name);
        return rows.stream().map(r -> r.get(name)).toList();
    }

    /**
     * Asserts the rows of {@code file} equal {@code expected}, cell by cell, in order; {@link #ANY} and
     * {@link #NON_EMPTY} in an expected cell match free text.
     */
    public static void assertRows(Path file, List<List<String>> actual, List<List<String>> expected) {
        List<String> actualLines = new ArrayList<>();
        List<String> expectedLines = new ArrayList<>();
        for (int i = 0; i < Math.max(actual.size(), expected.size()); i++) {
            List<String> a = i < actual.size() ? actual.get(i) : null;
            List<String> e = i < expected.size() ? expected.get(i) : null;
            actualLines.add(a == null ? "<no row>" : show(a));
            expectedLines.add(e == null ? "<no row>" : show(matched(a, e)));
        }
        assertThat(actualLines).as("rows of %s", file).containsExactlyElementsOf(expectedLines);
    }

    private void requireColumn(String column) {
        if (!header.contains(column)) {
            throw new AssertionError("no column " + column + " in " + file + ": " + header);
        }
    }

    /** {@code expected} with each free-text marker replaced by the actual cell when that cell matches it. */
    private static List<String> matched(List<String> actual, List<String> expected) {
        List<String> result = new ArrayList<>(expected);
        for (int c = 0; c < result.size(); c++) {
            String cell = result.get(c);
            String actualCell = actual != null && c < actual.size() ? actual.get(c) : null;
            if (ANY.equals(cell) && actualCell != null) {
                result.set(c, actualCell);
            } else if (NON_EMPTY.equals(cell)) {
                result.set(c, actualCell != null && !actualCell.isEmpty() ? actualCell : "<some text>");
            }
        }
        return result;
    }

    private static String show(List<String> row) {
        return String.join(" | ", row.stream().map(v -> v.replace("\n", "\\n")).toList());
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String strictUtf8(byte[] bytes, Path file) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new AssertionError(file + " is not valid UTF-8", e);
        }
    }
}
