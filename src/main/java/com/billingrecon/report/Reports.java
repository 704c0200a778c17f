package com.billingrecon.report;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** The report files of SPEC §7, each written from the ledger with its exact columns. */
@Component
public class Reports {

    static final List<String> INVOICE_COLUMNS = List.of("invoice_no", "account_id", "kind", "period", "charge_id",
            "issue_date", "revision", "subtotal", "tax", "total", "paid", "open", "status");
    static final List<String> REJECT_COLUMNS = List.of("file", "line", "reason", "detail", "record");
    static final List<String> RECONCILIATION_COLUMNS = List.of("file", "kind", "business_date", "status",
            "rows_read", "accepted", "duplicates", "rejected", "accepted_amount", "detail");
    static final List<String> REVISION_COLUMNS = List.of("invoice_no", "old_revision", "new_revision", "old_total",
            "new_total");

    private final ReportQueries queries;

    public Reports(ReportQueries queries) {
        this.queries = queries;
    }

    public int writeBalances(Path dir, LocalDate asOf) throws IOException {
        return streamed(dir.resolve("balances.csv"), BalanceLine.CSV_COLUMNS,
                sink -> queries.balances(asOf, line -> sink.accept(line.csvValues())));
    }

    public int writeInvoices(Path dir) throws IOException {
        return streamed(dir.resolve("invoices.csv"), INVOICE_COLUMNS, queries::invoices);
    }

    private static int streamed(Path file, List<String> header, CsvReport.Rows rows) throws IOException {
        return Math.toIntExact(CsvReport.write(file, header, rows));
    }

    public int writeRejects(Path dir, LocalDate day) throws IOException {
        return writeRejects(dir, day, day);
    }

    public int writeReconciliation(Path dir, LocalDate day) throws IOException {
        List<List<String>> rows = new ArrayList<>(queries.reconciliation(day, day));
        rows.addAll(queries.listing(day));
        return write(dir.resolve("reconciliation.csv"), RECONCILIATION_COLUMNS, rows);
    }

    /** The rejected rows of the files dated in {@code from..to}, after accounts.csv's. */
    public int writeRejects(Path dir, LocalDate from, LocalDate to) throws IOException {
        return streamed(dir.resolve("rejects.csv"), REJECT_COLUMNS, sink -> queries.rejects(from, to, sink));
    }

    /** accounts.csv, the files dated in {@code from..to}, then the given unrecognized names. */
    public int writeReconciliation(Path dir, LocalDate from, LocalDate to, List<String> unrecognized)
            throws IOException {
        List<List<String>> rows = new ArrayList<>(queries.reconciliation(from, to));
        unrecognized.forEach(name -> rows.add(ReportQueries.listingRow(name, "UNRECOGNIZED", "")));
        return write(dir.resolve("reconciliation.csv"), RECONCILIATION_COLUMNS, rows);
    }

    public int writeRevisions(Path dir, List<List<String>> revisions) throws IOException {
        return write(dir.resolve("revisions.csv"), REVISION_COLUMNS, revisions);
    }

    /** revisions.csv with more columns after the contract's (the documents that record each change). */
    public int writeRevisions(Path dir, List<List<String>> revisions, List<String> moreColumns) throws IOException {
        List<String> header = new ArrayList<>(REVISION_COLUMNS);
        header.addAll(moreColumns);
        return write(dir.resolve("revisions.csv"), header, revisions);
    }

    private static int write(Path file, List<String> header, List<List<String>> rows) throws IOException {
        CsvReport.write(file, header, rows);
        return rows.size();
    }

    /** Rows written into a folder, for the log line. */
    static final class Counts {
        private int total;

        void add(int rows) {
            total += rows;
        }

        int total() {
            return total;
        }
    }
}
