package com.billingrecon.report;

import com.opencsv.CSVWriter;
import com.opencsv.ICSVWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes a report file: UTF-8 without BOM, LF line ends, a value quoted only when RFC 4180 needs it. */
public final class CsvReport {

    private CsvReport() {
    }

    public static void write(Path file, List<String> header, List<List<String>> rows) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(out, header, rows);
        }
    }

    /** The same rules on any writer (a command's standard output); the writer is flushed, not closed. */
    public static void write(Writer out, List<String> header, List<List<String>> rows) throws IOException {
        ICSVWriter csv = new CSVWriter(out, ICSVWriter.DEFAULT_SEPARATOR, ICSVWriter.DEFAULT_QUOTE_CHARACTER,
                ICSVWriter.DEFAULT_QUOTE_CHARACTER, "\n");
        // not closed here: closing the CSV writer would close the caller's writer
        csv.writeNext(header.toArray(String[]::new), false);
        for (List<String> row : rows) {
            csv.writeNext(row.toArray(String[]::new), false);
        }
        csv.flush();
        if (csv.checkError()) {
            throw new IOException("could not write a report");
        }
    }
}
