package com.billingrecon.report;

import com.opencsv.CSVWriter;
import com.opencsv.ICSVWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

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

    /**
     * The columns that hold text from the input (ids, file names, raw records) or free text: SPEC §7's six, and
     * those of the job's further files that carry ids or descriptions from the input files (invoice lines,
     * journal, itemised bills, explain, the documents a rerun names).
     */
    public static final Set<String> TEXT_COLUMNS = Set.of("account_id", "invoice_no", "charge_id", "file", "detail",
            "record", "description", "document", "document_no", "item", "item_id", "credit_note", "new_document");

    private CsvReport() {
    }

    /** Rows handed to the writer one at a time, for a report too large to hold (each row one value per column). */
    @FunctionalInterface
    public interface Rows {
        void each(Consumer<List<String>> row);
    }

    /** Writes {@code header} then {@code rows}; each row has one value per column of the header. */
    public static void write(Path file, List<String> header, List<List<String>> rows) throws IOException {
        write(file, header, rows::forEach);
    }

    /** The same, streaming: memory does not depend on the number of rows. Returns the rows written. */
    public static long write(Path file, List<String> header, Rows rows) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            try {
                return write(out, header, rows);
            } catch (IOException e) {
                // the writer keeps what went wrong; its reason (a full disk, say) is what the operator needs
                FileSystemException failure = new FileSystemException(file.toString(), null, e.getMessage());
                failure.initCause(e.getCause());
                throw failure;
            }
        }
    }

    /** A report written row by row, for reports too long to hold (invoice lines, itemised bills). */
    public static RowWriter open(Path file, List<String> header) throws IOException {
        return new RowWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), file.toString(), header);
    }

    /** The same, onto a stream that stays open (standard output). */
    public static RowWriter open(OutputStream stream, List<String> header) throws IOException {
        return new RowWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8) {
            @Override
            public void close() throws IOException {
                flush();
            }
        }, "standard output", header);
    }

    /** The rows of one report file, in the order they are added, with the same rules as {@link #write}. */
    public static final class RowWriter implements Closeable {
        private final ICSVWriter csv;
        private final String name;
        private final boolean[] text;

        private RowWriter(Writer out, String name, List<String> header) {
            this.csv = new CSVWriter(out, ICSVWriter.DEFAULT_SEPARATOR, ICSVWriter.DEFAULT_QUOTE_CHARACTER,
                    ICSVWriter.DEFAULT_QUOTE_CHARACTER, "\n");
            this.name = name;
            this.text = textColumns(header);
            csv.writeNext(header.toArray(String[]::new), false);
        }

        public void add(List<String> row) throws IOException {
            // an error is reported at close: checking here would flush every row
            csv.writeNext(cells(row, text), false);
        }

        @Override
        public void close() throws IOException {
            csv.flush();
            boolean failed = csv.checkError();
            csv.close();
            if (failed) {
                throw new IOException("could not write " + name);
            }
        }
    }

    /** The same rules on any writer (a command's standard output); the writer is flushed, not closed. */
    public static long write(Writer out, List<String> header, List<List<String>> rows) throws IOException {
        return write(out, header, rows::forEach);
    }

    private static long write(Writer out, List<String> header, Rows rows) throws IOException {
        boolean[] text = textColumns(header);
        long[] written = {0};
        // not closed here: closing the CSV writer would close the caller's writer
        ICSVWriter csv = new CSVWriter(out, ICSVWriter.DEFAULT_SEPARATOR, ICSVWriter.DEFAULT_QUOTE_CHARACTER,
                ICSVWriter.DEFAULT_QUOTE_CHARACTER, "\n");
        csv.writeNext(header.toArray(String[]::new), false);
        rows.each(row -> {
            csv.writeNext(cells(row, text), false);
            written[0]++;
        });
        csv.flush();
        if (csv.checkError()) {
            IOException cause = csv.getException();
            IOException failure = new IOException(cause == null ? "could not write" : cause.getMessage());
            failure.initCause(cause);
            throw failure;
        }
        return written[0];
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
