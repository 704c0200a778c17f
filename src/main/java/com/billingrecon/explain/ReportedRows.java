package com.billingrecon.explain;

import com.billingrecon.explain.AccountExplainer.NotExplainable;
import com.billingrecon.explain.AccountExplainer.ReportedRow;
import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvValidationException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/** An account's row in the balances.csv a nightly run wrote for a day. */
public final class ReportedRows {

    private ReportedRows() {
    }

    public static ReportedRow balanceRow(Path outputDir, LocalDate day, String accountId) throws IOException {
        Path file = outputDir.resolve("nightly-" + day).resolve("balances.csv");
        if (!Files.isRegularFile(file)) {
            throw new NotExplainable("no " + file + ": give the --output-dir of the nightly runs");
        }
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVReader csv = new CSVReader(in)) {
            csv.readNext();
            for (String[] row = csv.readNext(); row != null; row = csv.readNext()) {
                // a report writes an id that a spreadsheet would take for a formula with a quote before it
                if (row[0].equals(accountId) || row[0].equals("'" + accountId)) {
                    List<String> values = new java.util.ArrayList<>(List.of(row));
                    values.set(0, accountId);
                    return new ReportedRow(List.copyOf(values), file.toString());
                }
            }
        } catch (CsvValidationException e) {
            throw new IOException("cannot read " + file, e);
        }
        throw new NotExplainable("account " + accountId + " is not in " + file);
    }
}
