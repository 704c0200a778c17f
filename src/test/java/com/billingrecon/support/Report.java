package com.billingrecon.support;

import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvException;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One report file of a day's folder, read by header name: rows in file order, or keyed by a column
 * ({@code account_id} for balances, {@code invoice_no} for invoices).
 */
public final class Report {

    private final List<Map<String, String>> rows;

    private Report(List<Map<String, String>> rows) {
        this.rows = rows;
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

    public static Report read(Path file) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVReader csv = new CSVReader(in)) {
            List<String[]> lines = csv.readAll();
            String[] header = lines.get(0);
            List<Map<String, String>> rows = new ArrayList<>();
            for (String[] line : lines.subList(1, lines.size())) {
                if (line.length != header.length) {
                    throw new IllegalStateException(file + ": row " + String.join(",", line) + " does not fit " + String.join(",", header));
                }
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.length; i++) {
                    row.put(header[i], line[i]);
                }
                rows.add(row);
            }
            return new Report(rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (CsvException e) {
            throw new IllegalStateException(file + ": " + e.getMessage(), e);
        }
    }

    public List<Map<String, String>> rows() {
        return rows;
    }

    /** The rows by the value of {@code keyColumn}, in file order; a repeated key is an error. */
    public Map<String, Map<String, String>> by(String keyColumn) {
        Map<String, Map<String, String>> keyed = new LinkedHashMap<>();
        for (Map<String, String> row : rows) {
            if (keyed.put(row.get(keyColumn), row) != null) {
                throw new IllegalStateException("key " + row.get(keyColumn) + " appears twice");
            }
        }
        return keyed;
    }

    /** The one row whose {@code keyColumn} is {@code key}. */
    public Map<String, String> row(String keyColumn, String key) {
        Map<String, String> row = by(keyColumn).get(key);
        if (row == null) {
            throw new AssertionError("no row with " + keyColumn + " = " + key + " in " + rows);
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
        return rows.stream().map(r -> r.get(name)).toList();
    }
}
