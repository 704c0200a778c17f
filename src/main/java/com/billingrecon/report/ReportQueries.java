package com.billingrecon.report;

import com.billingrecon.billing.UnbilledItems;
import com.billingrecon.db.Cursor;
import com.billingrecon.domain.Amounts;
import com.billingrecon.domain.InputFileName;
import com.billingrecon.domain.InvoicingMode;
import com.billingrecon.billing.InvoiceStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

/**
 * The rows of a day's reports, read from the ledger as of the end of that day, in report order. The
 * balances and the register, as large as the accounts and invoices, are streamed from a cursor.
 */
@Repository
public class ReportQueries {

    private final JdbcTemplate jdbc;

    public ReportQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Each account's line, in account order, from the running totals: the cost is the number of accounts,
     * not the history behind them, and no line is kept after it is handed over.
     */
    public void balances(LocalDate day, Consumer<BalanceLine> sink) {
        streamed("""
                SELECT a.account_id, a.currency, a.invoicing_mode, a.credit_limit,
                       coalesce(t.reserved, 0), coalesce(p.usage, 0), coalesce(p.charges, 0),
                       coalesce(t.usage, 0), coalesce(t.charges, 0), coalesce(t.payments, 0), coalesce(t.invoiced, 0)
                FROM account a
                LEFT JOIN account_total t USING (account_id)
                LEFT JOIN period_total p ON p.account_id = a.account_id AND p.billing_period = ?
                ORDER BY a.account_id COLLATE "C"
                """,
                rs -> {
                    InvoicingMode mode = InvoicingMode.valueOf(rs.getString(3));
                    UnbilledItems unbilled = new UnbilledItems(rs.getBigDecimal(6), rs.getBigDecimal(7),
                            rs.getBigDecimal(8), rs.getBigDecimal(9));
                    sink.accept(BalanceCalculator.balance(new AccountFigures(rs.getString(1), rs.getString(2), mode,
                            rs.getBigDecimal(4), rs.getBigDecimal(5), unbilled.currentPeriod(mode),
                            unbilled.total(mode), rs.getBigDecimal(10), rs.getBigDecimal(11))));
                },
                YearMonth.from(day).atDay(1));
    }

    /** The register's rows in invoice-number order, handed over one at a time. */
    public void invoices(Consumer<List<String>> sink) {
        streamed("""
                SELECT invoice_no, account_id, kind, to_char(period, 'YYYY-MM'), charge_id,
                       to_char(issue_date, 'YYYY-MM-DD'), revision, subtotal, tax, total, paid,
                       CASE WHEN status IN %s THEN total - paid ELSE 0 END, status
                FROM invoice WHERE %s
                ORDER BY invoice_no COLLATE "C"
                """.formatted(InvoiceStatus.PAYABLE, InvoiceStatus.CURRENT_REVISION),
                rs -> sink.accept(List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), amount(rs.getBigDecimal(8)),
                        amount(rs.getBigDecimal(9)), amount(rs.getBigDecimal(10)), amount(rs.getBigDecimal(11)),
                        amount(rs.getBigDecimal(12)), rs.getString(13))));
    }

    private void streamed(String sql, RowCallbackHandler row, Object... args) {
        Cursor.query(jdbc, sql, row, args);
    }

    /**
     * accounts.csv's rejects first, then those of the files dated from..to in processing order, handed
     * over one at a time: a file of bad rows is as long as it is.
     */
    public void rejects(LocalDate from, LocalDate to, Consumer<List<String>> sink) {
        streamed("""
                SELECT r.file_name, r.line, r.reason, coalesce(r.detail, ''), r.record
                FROM reject r JOIN input_file f USING (file_name)
                WHERE f.file_name = ? OR f.business_date BETWEEN ? AND ?
                ORDER BY f.business_date NULLS FIRST, f.order_key COLLATE "C", r.line
                """,
                rs -> sink.accept(List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5))),
                InputFileName.ACCOUNTS, from, to);
    }

    /** accounts.csv, then the files dated from..to in processing order. */
    public List<List<String>> reconciliation(LocalDate from, LocalDate to) {
        return jdbc.query("""
                SELECT file_name, kind, coalesce(to_char(business_date, 'YYYY-MM-DD'), ''), status,
                       rows_read, accepted, duplicates, rejected, accepted_amount, coalesce(detail, ''),
                       business_date IS NULL AS is_accounts
                FROM input_file WHERE file_name = ? OR business_date BETWEEN ? AND ?
                ORDER BY business_date NULLS FIRST, order_key COLLATE "C"
                """,
                (rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getBoolean(11) ? "" : amount(rs.getBigDecimal(9)), rs.getString(10)),
                InputFileName.ACCOUNTS, from, to);
    }

    /** The other names a day lists: held files first, then unrecognized names, each sorted. */
    public List<List<String>> listing(LocalDate day) {
        return jdbc.query("""
                SELECT l.file_name, l.status, coalesce(l.detail, '')
                FROM day_listing l WHERE l.business_date = ?
                ORDER BY CASE l.status WHEN 'HELD' THEN 0 ELSE 1 END, l.file_name COLLATE "C"
                """,
                (rs, n) -> listingRow(rs.getString(1), rs.getString(2), rs.getString(3)), day);
    }

    /** A reconciliation row for a name that was not read: HELD keeps its kind and date, UNRECOGNIZED has none. */
    public static List<String> listingRow(String fileName, String status, String detail) {
        Optional<InputFileName> parsed = InputFileName.parse(fileName)
                .filter(f -> "HELD".equals(status) && f.businessDate() != null);
        String kind = parsed.map(f -> f.kind().label()).orElse("");
        String date = parsed.map(f -> f.businessDate().toString()).orElse("");
        return List.of(fileName, kind, date, status, "", "", "", "", "", detail);
    }

    private static String amount(BigDecimal value) {
        return Amounts.format(value);
    }
}
