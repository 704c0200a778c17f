package com.billingrecon.finance;

import com.billingrecon.db.Cursor;
import com.billingrecon.billing.InvoiceStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The double-entry postings of a business day's events, from the ledger at the end of that day:
 * <ul>
 * <li>an invoice: AR debit of its total; revenue credit per product; GST output tax credit;</li>
 * <li>a credit note: the reverse, its (negative) total going to customer credit, since SPEC §4 makes minus
 *     a credit note's total account credit when it is issued;</li>
 * <li>a payment: bank debit; AR credit per invoice it went to; customer credit for the part that is left;</li>
 * <li>credit applied (carried credit or a credit note's): customer credit debit, AR credit per invoice.</li>
 * </ul>
 * So the AR account less customer credit is always the open invoice amounts less unapplied credit.
 */
@Repository
public class JournalQueries {

    private static final String CURRENT = InvoiceStatus.CURRENT_REVISION;

    private final JdbcTemplate jdbc;
    private final GlAccounts gl;

    public JournalQueries(JdbcTemplate jdbc, GlAccounts gl) {
        this.jdbc = jdbc;
        this.gl = gl;
    }

    /** The day's journal lines, in file order, handed to {@code line} one at a time. */
    public void journal(LocalDate day, Consumer<JournalLine> line) {
        // the day's files and invoices have just changed these tables; without fresh statistics the embedded
        // server planned the revenue split of a million-CDR close day as a nested loop (minutes instead of seconds)
        jdbc.execute("ANALYZE invoice, charge");
        JournalEntries entries = new JournalEntries(day, line);
        invoices(day, entries);
        payments(day, entries);
        creditApplied(day, entries);
        entries.finish();
    }

    /**
     * One row per invoice and product it holds (a row with no product for one that holds none), in invoice
     * order and products in the order of {@link GlAccounts#PRODUCTS}. A usage invoice's revenue per CDR type
     * comes from the running totals ({@code period_usage_total}), not from the month's history: a close day
     * costs the same whatever the month holds. Charges are summed per account, period and type before they meet
     * the invoices; what is sorted is a few rows per invoice.
     */
    private void invoices(LocalDate day, JournalEntries entries) {
        InvoiceEntry invoice = new InvoiceEntry(entries);
        Cursor.query(jdbc, """
                WITH issued AS (SELECT invoice_no, account_id, kind, period, charge_id, tax, total FROM invoice
                                WHERE issue_date = ? AND %s),
                     usage AS (SELECT account_id, billing_period, type::text, usage AS amount FROM period_usage_total
                               WHERE billing_period IN (SELECT period FROM issued
                                                        WHERE kind IN ('MONTHLY_USAGE', 'CONSOLIDATED'))),
                     charges AS (SELECT account_id, billing_period, type, sum(amount) AS amount FROM charge
                                 WHERE billing_period IN (SELECT period FROM issued WHERE kind = 'CONSOLIDATED')
                                 GROUP BY account_id, billing_period, type),
                     items AS (SELECT i.invoice_no, u.type, u.amount FROM issued i
                               JOIN usage u ON u.account_id = i.account_id AND u.billing_period = i.period
                               WHERE i.kind IN ('MONTHLY_USAGE', 'CONSOLIDATED')
                               UNION ALL
                               SELECT i.invoice_no, c.type, c.amount FROM issued i
                               JOIN charges c ON c.account_id = i.account_id AND c.billing_period = i.period
                               WHERE i.kind = 'CONSOLIDATED'
                               UNION ALL
                               SELECT i.invoice_no, c.type, c.amount FROM issued i
                               JOIN charge c ON c.charge_id = i.charge_id AND c.account_id = i.account_id
                               WHERE i.kind = 'INDIVIDUAL'),
                     revenue AS (SELECT invoice_no, type, sum(amount) AS amount FROM items
                                 GROUP BY invoice_no, type)
                SELECT i.invoice_no, i.account_id, a.currency, i.kind, to_char(i.period, 'YYYY-MM'), i.tax, i.total,
                       r.type, r.amount
                FROM issued i JOIN account a USING (account_id)
                LEFT JOIN revenue r USING (invoice_no)
                ORDER BY i.invoice_no COLLATE "C", array_position(?::text[], r.type::text)
                """.formatted(CURRENT), rs -> {
                    invoice.next(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4) + " " + rs.getString(5), rs.getBigDecimal(6), rs.getBigDecimal(7));
                    if (rs.getString(8) != null) {
                        invoice.revenue(rs.getString(8), rs.getBigDecimal(9));
                    }
                }, day, "{" + String.join(",", GlAccounts.PRODUCTS) + "}");
        invoice.finish();
    }

    /** An invoice's entry: the AR (or, for a credit note, customer credit) line, revenue per product, GST. */
    private final class InvoiceEntry {
        private final JournalEntries entries;
        private String invoiceNo;
        private BigDecimal tax;

        InvoiceEntry(JournalEntries entries) {
            this.entries = entries;
        }

        void next(String invoiceNo, String accountId, String currency, String what, BigDecimal tax,
                  BigDecimal total) {
            if (invoiceNo.equals(this.invoiceNo)) {
                return;
            }
            finish();
            this.invoiceNo = invoiceNo;
            this.tax = tax;
            entries.open(currency, accountId);
            if (total.signum() < 0) {
                entries.post(gl.customerCredit(), total, invoiceNo, "credit note " + what);
            } else {
                entries.post(gl.receivables(), total, invoiceNo, "invoice " + what);
            }
        }

        void revenue(String product, BigDecimal amount) {
            entries.post(gl.revenueFor(product), amount.negate(), invoiceNo, "revenue " + product);
        }

        void finish() {
            if (invoiceNo != null) {
                entries.post(gl.gstOutput(), tax.negate(), invoiceNo, "GST output tax");
            }
            invoiceNo = null;
        }
    }

    private void payments(LocalDate day, JournalEntries entries) {
        PaymentEntry payment = new PaymentEntry(entries);
        Cursor.query(jdbc, """
                SELECT p.payment_id, p.account_id, p.currency, p.method, p.amount, al.invoice_no, al.amount
                FROM payment p
                LEFT JOIN allocation al ON al.business_date = p.business_date AND al.account_id = p.account_id
                                       AND al.source = p.payment_id
                WHERE p.business_date = ?
                ORDER BY p.order_key COLLATE "C", p.line, al.seq
                """, rs -> {
                    payment.next(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getBigDecimal(5));
                    if (rs.getString(6) != null) {
                        payment.applied(rs.getString(6), rs.getBigDecimal(7));
                    }
                }, day);
        payment.finish();
    }

    /** A payment's entry: the bank line when it is first seen, an AR line per invoice, the rest as credit. */
    private final class PaymentEntry {
        private final JournalEntries entries;
        private String paymentId;
        private String accountId;
        private BigDecimal left;

        PaymentEntry(JournalEntries entries) {
            this.entries = entries;
        }

        void next(String paymentId, String accountId, String currency, String method, BigDecimal amount) {
            if (paymentId.equals(this.paymentId) && accountId.equals(this.accountId)) {
                return;
            }
            finish();
            this.paymentId = paymentId;
            this.accountId = accountId;
            this.left = amount;
            entries.open(currency, accountId);
            entries.post(gl.bank(), amount, paymentId, "payment received (" + method + ")");
        }

        void applied(String invoiceNo, BigDecimal amount) {
            entries.post(gl.receivables(), amount.negate(), invoiceNo, "payment " + paymentId + " applied");
            left = left.subtract(amount);
        }

        void finish() {
            if (paymentId != null) {
                entries.post(gl.customerCredit(), left.negate(), paymentId, "payment left as customer credit");
            }
            paymentId = null;
        }
    }

    private void creditApplied(LocalDate day, JournalEntries entries) {
        String[] last = {null, null};
        Cursor.query(jdbc, """
                SELECT al.account_id, a.currency, al.source, al.invoice_no, al.amount
                FROM allocation al JOIN account a USING (account_id)
                WHERE al.business_date = ?
                  AND NOT EXISTS (SELECT 1 FROM payment p WHERE p.payment_id = al.source
                                  AND p.account_id = al.account_id AND p.business_date = al.business_date)
                ORDER BY al.account_id COLLATE "C", al.seq
                """, rs -> {
                    String source = rs.getString(3);
                    BigDecimal amount = rs.getBigDecimal(5);
                    // one entry per account and source of credit, closed by the next one
                    if (!rs.getString(1).equals(last[0]) || !source.equals(last[1])) {
                        entries.open(rs.getString(2), rs.getString(1));
                        last[0] = rs.getString(1);
                        last[1] = source;
                    }
                    entries.post(gl.customerCredit(), amount, source, "credit applied");
                    entries.post(gl.receivables(), amount.negate(), rs.getString(4), "credit from " + source + " applied");
                }, day);
    }
}
