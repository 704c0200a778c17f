package com.billingrecon.billing;

import com.billingrecon.billing.InvoiceDraft.InvoiceKind;
import com.billingrecon.db.Cursor;
import com.billingrecon.domain.InvoicingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Finds the invoices a business day issues (SPEC §4): an INDIVIDUAL invoice for each charge of an
 * INDIVIDUAL_AND_MONTHLY account in the day's files, and on a close date C(P) the MONTHLY_USAGE and
 * CONSOLIDATED invoices of period P, from the period's running totals. Tax is applied in Java.
 */
@Repository
public class InvoiceDrafts {

    /**
     * A hash per item (kind, id, amount without trailing zeros, so 1.5 and 1.50 are the same item);
     * summed, it is an order-independent digest of an invoice's items: as the running totals keep it.
     */
    private static final String CHARGE_DIGEST =
            "hashtext('CHARGE:' || c.charge_id || ':' || trim_scale(c.amount)::text)::bigint";

    private final JdbcTemplate jdbc;

    public InvoiceDrafts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The day's invoices handed over one at a time from a cursor: a month's close issues one per account. */
    public void issuedOn(LocalDate day, Consumer<InvoiceDraft> sink) {
        individual(day, sink);
        if (day.getDayOfMonth() == 1) {
            YearMonth closed = YearMonth.from(day).minusMonths(1);
            monthlyUsage(day, closed, sink);
            consolidated(day, closed, sink);
        }
    }

    private void individual(LocalDate day, Consumer<InvoiceDraft> sink) {
        Cursor.query(jdbc, """
                SELECT c.account_id, c.charge_id, c.billing_period, c.amount, a.tax_rate, a.minor_units,
                       %s
                FROM charge c JOIN account a USING (account_id)
                WHERE c.business_date = ? AND a.invoicing_mode = ?""".formatted(CHARGE_DIGEST),
                rs -> sink.accept(new InvoiceDraft(InvoiceNumbers.individual(rs.getString(1), rs.getString(2)),
                        rs.getString(1), InvoiceKind.INDIVIDUAL, YearMonth.from(rs.getDate(3).toLocalDate()),
                        rs.getString(2), day, rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getInt(6), 1,
                        rs.getLong(7))),
                day, InvoicingMode.INDIVIDUAL_AND_MONTHLY.name());
    }

    /** Read from the running totals of the period: its CDRs are not summed again. */
    private void monthlyUsage(LocalDate day, YearMonth period, Consumer<InvoiceDraft> sink) {
        Cursor.query(jdbc, """
                SELECT t.account_id, t.usage, a.tax_rate, a.minor_units, t.usage_items, t.usage_digest
                FROM period_total t JOIN account a USING (account_id)
                WHERE t.billing_period = ? AND t.usage_items > 0 AND a.invoicing_mode = ?""",
                rs -> sink.accept(new InvoiceDraft(InvoiceNumbers.monthlyUsage(rs.getString(1), period), rs.getString(1),
                        InvoiceKind.MONTHLY_USAGE, period, "", day, rs.getBigDecimal(2), rs.getBigDecimal(3),
                        rs.getInt(4), rs.getLong(5), rs.getLong(6))),
                period.atDay(1), InvoicingMode.INDIVIDUAL_AND_MONTHLY.name());
    }

    private void consolidated(LocalDate day, YearMonth period, Consumer<InvoiceDraft> sink) {
        Cursor.query(jdbc, """
                SELECT t.account_id, t.usage + t.charges, a.tax_rate, a.minor_units, t.usage_items + t.charge_items,
                       t.usage_digest + t.charge_digest
                FROM period_total t JOIN account a USING (account_id)
                WHERE t.billing_period = ? AND t.usage_items + t.charge_items > 0 AND a.invoicing_mode = ?""",
                rs -> sink.accept(new InvoiceDraft(InvoiceNumbers.consolidated(rs.getString(1), period), rs.getString(1),
                        InvoiceKind.CONSOLIDATED, period, "", day, rs.getBigDecimal(2), rs.getBigDecimal(3),
                        rs.getInt(4), rs.getLong(5), rs.getLong(6))),
                period.atDay(1), InvoicingMode.CONSOLIDATED_MONTHLY.name());
    }
}
