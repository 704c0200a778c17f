package com.billingrecon.finance;

import com.billingrecon.billing.InvoiceStatus;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The AR control of a business day, per currency. The posted side adds up what {@link JournalQueries} posts on
 * every day up to then (invoice totals, payments, credit notes, money applied), the register side reads the
 * invoices' paid amounts and the accounts' credit: two records of the same money, kept by different steps.
 */
@Repository
public class ArControlQueries {

    private final JdbcTemplate jdbc;

    public ArControlQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<ArControl> controls(LocalDate asOf) {
        return jdbc.query("""
                SELECT c.currency,
                       coalesce(inv.debits, 0) - coalesce(al.applied, 0),
                       coalesce(pay.received, 0) + coalesce(inv.credit_notes, 0) - coalesce(al.applied, 0),
                       coalesce(inv.open, 0), coalesce(acc.credit, 0)
                FROM (SELECT DISTINCT currency FROM account) c
                LEFT JOIN (SELECT a.currency,
                                  sum(i.total) FILTER (WHERE i.total >= 0) AS debits,
                                  -sum(i.total) FILTER (WHERE i.total < 0) AS credit_notes,
                                  sum(i.total - i.paid) FILTER (WHERE i.status IN %s) AS open
                           FROM invoice i JOIN account a USING (account_id)
                           WHERE i.issue_date <= ? AND i.%s GROUP BY a.currency) inv USING (currency)
                LEFT JOIN (SELECT a.currency, sum(p.amount) AS received
                           FROM payment p JOIN account a USING (account_id)
                           WHERE p.business_date <= ? GROUP BY a.currency) pay USING (currency)
                LEFT JOIN (SELECT a.currency, sum(x.amount) AS applied
                           FROM allocation x JOIN account a USING (account_id)
                           WHERE x.business_date <= ? GROUP BY a.currency) al USING (currency)
                LEFT JOIN (SELECT currency, sum(credit) AS credit FROM account GROUP BY currency) acc USING (currency)
                ORDER BY c.currency
                """.formatted(InvoiceStatus.PAYABLE, InvoiceStatus.CURRENT_REVISION),
                (rs, n) -> new ArControl(rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3),
                        rs.getBigDecimal(4), rs.getBigDecimal(5)), asOf, asOf, asOf);
    }
}
