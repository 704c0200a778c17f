package com.billingrecon.payments;

import com.billingrecon.billing.InvoiceRegister;
import com.billingrecon.billing.InvoiceStatus;
import com.billingrecon.db.Cursor;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * Settles the business day, account by account: first the day's invoices are issued in invoice-number
 * order (available credit pays them at once), then the day's payments are applied in file and row
 * order (SPEC §4). The rules themselves live in {@link AccountSettlement}.
 */
public class SettlementTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(SettlementTasklet.class);
    private static final String CURRENT = InvoiceStatus.CURRENT_REVISION;
    private static final int PAGE_ACCOUNTS = 1000;

    private final JdbcTemplate jdbc;
    private final InvoiceRegister invoices;
    private final SettlementStore store;
    private final LocalDate day;

    public SettlementTasklet(JdbcTemplate jdbc, InvoiceRegister invoices, SettlementStore store, LocalDate day) {
        this.jdbc = jdbc;
        this.invoices = invoices;
        this.store = store;
        this.day = day;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        // the day's invoices were just issued: plan the lookups with them counted (dayTotals analysed payment)
        jdbc.execute("ANALYZE invoice");
        Counts counts = new Counts();
        List<String> page = new ArrayList<>();
        Cursor.query(jdbc, """
                SELECT account_id FROM (SELECT account_id FROM invoice WHERE issue_date = ? AND %s
                                        UNION SELECT account_id FROM payment WHERE business_date = ?) touched
                ORDER BY account_id COLLATE "C"
                """.formatted(CURRENT), rs -> {
                    page.add(rs.getString(1));
                    if (page.size() == PAGE_ACCOUNTS) {
                        settle(page, counts);
                    }
                }, day, day);
        settle(page, counts);
        contribution.incrementWriteCount(counts.allocations);
        log.info("{} settlement: {} accounts, {} payments, {} applications of money", day, counts.accounts,
                counts.payments, counts.allocations);
        return RepeatStatus.FINISHED;
    }

    /**
     * Settles a page of the day's accounts (those with an invoice issued or a payment received on the day, in
     * account order, read from a cursor) and empties it: what settlement holds does not grow with the accounts.
     */
    private void settle(List<String> page, Counts counts) {
        if (page.isEmpty()) {
            return;
        }
        Map<String, List<InvoiceBalance>> issued = new HashMap<>();
        query("SELECT account_id, invoice_no, issue_date, total, paid, status FROM invoice WHERE issue_date = ? AND "
                + CURRENT + " AND account_id = ANY(?) ORDER BY invoice_no COLLATE \"C\"",
                rs -> issued.computeIfAbsent(rs.getString(1), a -> new ArrayList<>()).add(balance(rs)), page, day);
        Map<String, List<PaymentLine>> paid = new HashMap<>();
        query("SELECT account_id, payment_id, amount, invoice_ref FROM payment WHERE business_date = ? "
                + "AND account_id = ANY(?) ORDER BY order_key COLLATE \"C\", line",
                rs -> paid.computeIfAbsent(rs.getString(1), a -> new ArrayList<>())
                        .add(new PaymentLine(rs.getString(2), rs.getBigDecimal(3), rs.getString(4))), page, day);
        Map<String, List<InvoiceBalance>> open = new HashMap<>();
        query("SELECT account_id, invoice_no, issue_date, total, paid, status FROM invoice "
                + "WHERE issue_date < ? AND status IN " + InvoiceStatus.PAYABLE + " AND account_id = ANY(?)",
                rs -> open.computeIfAbsent(rs.getString(1), a -> new ArrayList<>()).add(balance(rs)), page, day);
        Map<String, BigDecimal> credit = new HashMap<>();
        query("SELECT account_id, credit FROM account WHERE account_id = ANY(?)",
                rs -> credit.put(rs.getString(1), rs.getBigDecimal(2)), page);

        List<InvoiceRegister.Settled> settled = new ArrayList<>();
        List<SettlementStore.SettledAccount> settlements = new ArrayList<>();
        for (String account : page) {
            AccountSettlement accountSettlement = new AccountSettlement(credit.getOrDefault(account, BigDecimal.ZERO),
                    open.getOrDefault(account, List.of()));
            issued.getOrDefault(account, List.of()).forEach(accountSettlement::issue);
            List<PaymentLine> accountPayments = paid.getOrDefault(account, List.of());
            accountPayments.forEach(p -> accountSettlement.pay(p.paymentId(), p.amount(), p.invoiceRef()));
            accountSettlement.changed().forEach(i -> settled.add(new InvoiceRegister.Settled(i.invoiceNo(), i.paid(), i.status())));
            settlements.add(new SettlementStore.SettledAccount(account, accountSettlement.credit(), accountSettlement.allocations()));
            counts.payments += accountPayments.size();
            counts.allocations += accountSettlement.allocations().size();
        }
        invoices.settle(settled);
        store.record(day, settlements);
        counts.accounts += page.size();
        page.clear();
    }

    /** A query with the page's account ids as one array parameter, after the others. */
    private void query(String sql, RowCallbackHandler row, List<String> page, Object... before) {
        jdbc.query(sql, statement -> {
            for (int n = 0; n < before.length; n++) {
                statement.setObject(n + 1, before[n]);
            }
            statement.setArray(before.length + 1, statement.getConnection().createArrayOf("text", page.toArray()));
        }, row);
    }

    private static InvoiceBalance balance(ResultSet rs) throws SQLException {
        return new InvoiceBalance(rs.getString(2), rs.getDate(3).toLocalDate(), rs.getBigDecimal(4),
                rs.getBigDecimal(5), InvoiceStatus.valueOf(rs.getString(6)));
    }

    private record PaymentLine(String paymentId, BigDecimal amount, String invoiceRef) {
    }

    /** What the day's settlement did, for its log line and the step's write count. */
    private static final class Counts {
        private int accounts;
        private int payments;
        private int allocations;
    }
}
