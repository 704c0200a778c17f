package com.billingrecon.payments;

import com.billingrecon.billing.InvoiceStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The one writer of the table {@code allocation} and of the column {@code account.credit}: what settlement
 * applied, and what a rollback takes back. Each write runs in the caller's transaction.
 */
@Repository
public class SettlementStore {

    private final JdbcTemplate jdbc;

    public SettlementStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One account's settlement of a day: its unapplied credit afterwards, and the money applied, in order. */
    public record SettledAccount(String accountId, BigDecimal credit, List<Allocation> allocations) {
    }

    /**
     * Records the day's settlement of each account: its credit, and its allocations numbered from 1 in
     * order. An allocation already recorded (a step resumed) stays as it is.
     */
    public void record(LocalDate day, List<SettledAccount> accounts) {
        List<Object[]> creditUpdates = new ArrayList<>();
        List<Object[]> allocations = new ArrayList<>();
        for (SettledAccount account : accounts) {
            creditUpdates.add(new Object[] {account.credit(), account.accountId()});
            int seq = 0;
            for (Allocation a : account.allocations()) {
                allocations.add(new Object[] {day, account.accountId(), ++seq, a.source(), a.invoiceNo(), a.amount()});
            }
        }
        jdbc.batchUpdate("UPDATE account SET credit = ? WHERE account_id = ?", creditUpdates);
        jdbc.batchUpdate("""
                INSERT INTO allocation (business_date, account_id, seq, source, invoice_no, amount)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""", allocations);
    }

    /** Takes away the allocations of the days after {@code endOfDay}. */
    public void rollBackTo(LocalDate endOfDay) {
        jdbc.update("DELETE FROM allocation WHERE business_date > ?", endOfDay);
    }

    /** Unapplied credit is what was received and not owed: payments − invoiced + still open. */
    public void restoreCredit() {
        jdbc.update("""
                UPDATE account a SET credit = coalesce(p.received, 0) - coalesce(i.invoiced, 0) + coalesce(i.open, 0)
                FROM account acc
                LEFT JOIN (SELECT account_id, sum(amount) AS received FROM payment GROUP BY account_id) p
                       ON p.account_id = acc.account_id
                LEFT JOIN (SELECT account_id, sum(total) AS invoiced,
                                  sum(total - paid) FILTER (WHERE status IN %2$s) AS open
                           FROM invoice WHERE %1$s GROUP BY account_id) i
                       ON i.account_id = acc.account_id
                WHERE a.account_id = acc.account_id""".formatted(InvoiceStatus.CURRENT_REVISION,
                InvoiceStatus.PAYABLE));
    }
}
