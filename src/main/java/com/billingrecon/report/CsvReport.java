package com.billingrecon.report;

import com.opencsv.CSVWriter;
import com.opencsv.ICSVWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/** Writes a report file: UTF-8 without BOM, LF line ends, a value quoted only when RFC 4180 needs it. */
final class CsvReport {

    private CsvReport() {
    }

    static void write(Path file, List<String> header, List<List<String>> rows) throws IOException {
        write(file, header, sink -> rows.forEach(sink));
    }

    /** Rows handed over one at a time (from a database cursor), so none needs to be held. */
    interface RowSource {
        void forEach(Consumer<List<String>> sink);
    }

    static void write(Path file, List<String> header, RowSource rows) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             ICSVWriter csv = new CSVWriter(out, ICSVWriter.DEFAULT_SEPARATOR, ICSVWriter.DEFAULT_QUOTE_CHARACTER,
                     ICSVWriter.DEFAULT_QUOTE_CHARACTER, "\n")) {
            csv.writeNext(header.toArray(String[]::new), false);
            rows.forEach(row -> csv.writeNext(row.toArray(String[]::new), false));
            csv.flush();
            if (csv.checkError()) {
                throw new IOException("could not write " + file);
            }
        }
    }
}
