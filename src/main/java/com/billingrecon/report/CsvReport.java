package com.billingrecon.report;

import com.opencsv.CSVWriter;
import com.opencsv.ICSVWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes a report file: UTF-8 without BOM, LF line ends, a value quoted only when RFC 4180 needs it. */
public final class CsvReport {

    private CsvReport() {
    }

    static void write(Path file, List<String> header, List<List<String>> rows) throws IOException {
        try (Rows out = open(file, header)) {
            for (List<String> row : rows) {
                out.add(row);
            }
        }
    }

    /** A report written row by row, for reports too long to hold (invoice lines, itemised bills). */
    public static Rows open(Path file, List<String> header) throws IOException {
        return new Rows(Files.newBufferedWriter(file, StandardCharsets.UTF_8), file.toString(), header);
    }

    /** The same, onto a stream that stays open (standard output). */
    public static Rows open(OutputStream stream, List<String> header) throws IOException {
        return new Rows(new OutputStreamWriter(stream, StandardCharsets.UTF_8) {
            @Override
            public void close() throws IOException {
                flush();
            }
        }, "standard output", header);
    }

    /** The rows of one report file, in the order they are added. */
    public static final class Rows implements Closeable {
        private final ICSVWriter csv;
        private final String name;

        private Rows(Writer out, String name, List<String> header) throws IOException {
            this.csv = new CSVWriter(out, ICSVWriter.DEFAULT_SEPARATOR, ICSVWriter.DEFAULT_QUOTE_CHARACTER,
                    ICSVWriter.DEFAULT_QUOTE_CHARACTER, "\n");
            this.name = name;
            add(header);
        }

        public void add(List<String> row) throws IOException {
            // an error is reported at close: checking here would flush every row
            csv.writeNext(row.toArray(String[]::new), false);
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
}
