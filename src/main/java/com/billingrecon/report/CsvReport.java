package com.billingrecon.report;

import com.opencsv.CSVWriter;
import com.opencsv.ICSVWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Writes a report file: UTF-8 without BOM, LF line ends, a value quoted only when RFC 4180 needs it, and text
 * that a spreadsheet would run as a formula made inert (SPEC §7). <b>Every report CSV the job writes goes
 * through this class</b>, so that a report added later gets the same rules by naming its columns.
 *
 * <p>Formula rule (CSV injection): in a column named in {@link #TEXT_COLUMNS}, a value that begins with
 * {@code =}, {@code +}, {@code -}, {@code @}, TAB or CR is written with a {@code '} before it. The rule follows
 * the column's name, never its content, so an amount column ({@code -4.5}) is always written as is.
 */
public final class CsvReport {

    /** The columns that hold text from the input (ids, file names, raw records) or free text. */
    public static final Set<String> TEXT_COLUMNS = Set.of("account_id", "invoice_no", "charge_id", "file", "detail",
            "record");

    private CsvReport() {
    }

    /** Writes {@code header} then {@code rows}; each row has one value per column of the header. */
    public static void write(Path file, List<String> header, List<List<String>> rows) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(out, header, rows);
        }
    }

    /** The same rules on any writer (a command's standard output); the writer is flushed, not closed. */
    public static void write(Writer out, List<String> header, List<List<String>> rows) throws IOException {
        boolean[] text = textColumns(header);
        ICSVWriter csv = new CSVWriter(out, ICSVWriter.DEFAULT_SEPARATOR, ICSVWriter.DEFAULT_QUOTE_CHARACTER,
                ICSVWriter.DEFAULT_QUOTE_CHARACTER, "\n");
        // not closed here: closing the CSV writer would close the caller's writer
        csv.writeNext(header.toArray(String[]::new), false);
        for (List<String> row : rows) {
            csv.writeNext(cells(row, text), false);
        }
        csv.flush();
        if (csv.checkError()) {
            throw new IOException("could not write a report");
        }
    }

    /** The value as a report cell of a text column: a leading formula character gets a {@code '} before it. */
    static String inert(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        return switch (value.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + value;
            default -> value;
        };
    }

    private static boolean[] textColumns(List<String> header) {
        boolean[] text = new boolean[header.size()];
        for (int i = 0; i < text.length; i++) {
            text[i] = TEXT_COLUMNS.contains(header.get(i));
        }
        return text;
    }

    private static String[] cells(List<String> row, boolean[] text) {
        String[] cells = row.toArray(String[]::new);
        for (int i = 0; i < cells.length && i < text.length; i++) {
            if (text[i]) {
                cells[i] = inert(cells[i]);
            }
        }
        return cells;
    }
}
