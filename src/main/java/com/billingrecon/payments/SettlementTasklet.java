package com.billingrecon.payments;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Settles the business day, account by account: first the day's invoices are issued in invoice-number
 * order (available credit pays them at once), then the day's payments are applied in file and row
 * order (SPEC §4). The rules themselves live in {@link AccountSettlement}.
 */
public class SettlementTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(SettlementTasklet.class);
    private static final String CURRENT = InvoiceStatus.CURRENT_REVISION;

    private final JdbcTemplate jdbc;
    private final LocalDate day;

    public SettlementTasklet(JdbcTemplate jdbc, LocalDate day) {
        this.jdbc = jdbc;
        this.day = day;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        Map<String, List<InvoiceBalance>> issued = new LinkedHashMap<>();
        jdbc.query("SELECT account_id, invoice_no, issue_date, total, paid, status FROM invoice WHERE issue_date = ? AND "
                        + CURRENT + " ORDER BY invoice_no COLLATE \"C\"",
                (ResultSet rs) -> {
                    issued.computeIfAbsent(rs.getString(1), a -> new ArrayList<>()).add(balance(rs));
                }, day);
        Map<String, List<PaymentLine>> payments = new LinkedHashMap<>();
        jdbc.query("SELECT account_id, payment_id, amount, invoice_ref FROM payment WHERE business_date = ? "
                        + "ORDER BY order_key COLLATE \"C\", line",
                (ResultSet rs) -> {
                    payments.computeIfAbsent(rs.getString(1), a -> new ArrayList<>())
                            .add(new PaymentLine(rs.getString(2), rs.getBigDecimal(3), rs.getString(4)));
                }, day);
        TreeSet<String> accounts = new TreeSet<>(issued.keySet());
        accounts.addAll(payments.keySet());
        Map<String, List<InvoiceBalance>> open = openBefore(accounts);
        Map<String, BigDecimal> credit = credit(accounts);

        List<Object[]> invoiceUpdates = new ArrayList<>();
        List<Object[]> creditUpdates = new ArrayList<>();
        List<Object[]> allocations = new ArrayList<>();
        for (String account : accounts) {
            AccountSettlement accountSettlement = new AccountSettlement(credit.getOrDefault(account, BigDecimal.ZERO),
                    open.getOrDefault(account, List.of()));
            issued.getOrDefault(account, List.of()).forEach(accountSettlement::issue);
            payments.getOrDefault(account, List.of()).forEach(p -> accountSettlement.pay(p.paymentId(), p.amount(), p.invoiceRef()));
            accountSettlement.changed().forEach(i -> invoiceUpdates.add(new Object[] {i.paid(), i.status().name(), i.invoiceNo()}));
            creditUpdates.add(new Object[] {accountSettlement.credit(), account});
            int seq = 0;
            for (Allocation a : accountSettlement.allocations()) {
                allocations.add(new Object[] {day, account, ++seq, a.source(), a.invoiceNo(), a.amount()});
            }
        }
        jdbc.batchUpdate("UPDATE invoice SET paid = ?, status = ? WHERE invoice_no = ? AND " + CURRENT, invoiceUpdates);
        jdbc.batchUpdate("UPDATE account SET credit = ? WHERE account_id = ?", creditUpdates);
        jdbc.batchUpdate("""
                INSERT INTO allocation (business_date, account_id, seq, source, invoice_no, amount)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""", allocations);
        contribution.incrementWriteCount(allocations.size());
        log.info("{} settlement: {} accounts, {} payments, {} applications of money", day, accounts.size(),
                payments.values().stream().mapToInt(List::size).sum(), allocations.size());
        return RepeatStatus.FINISHED;
    }

    private Map<String, List<InvoiceBalance>> openBefore(TreeSet<String> accounts) {
        Map<String, List<InvoiceBalance>> open = new LinkedHashMap<>();
        if (accounts.isEmpty()) {
            return open;
        }
        jdbc.query("SELECT account_id, invoice_no, issue_date, total, paid, status FROM invoice "
                        + "WHERE account_id = ANY(?) AND issue_date < ? AND status IN ('OPEN', 'PARTIALLY_PAID')",
                statement -> {
                    statement.setArray(1, statement.getConnection().createArrayOf("text", accounts.toArray()));
                    statement.setObject(2, day);
                },
                (ResultSet rs) -> {
                    open.computeIfAbsent(rs.getString(1), a -> new ArrayList<>()).add(balance(rs));
                });
        return open;
    }

    private Map<String, BigDecimal> credit(TreeSet<String> accounts) {
        Map<String, BigDecimal> credit = new LinkedHashMap<>();
        if (accounts.isEmpty()) {
            return credit;
        }
        jdbc.query("SELECT account_id, credit FROM account WHERE account_id = ANY(?)",
                statement -> statement.setArray(1, statement.getConnection().createArrayOf("text", accounts.toArray())),
                (ResultSet rs) -> {
                    credit.put(rs.getString(1), rs.getBigDecimal(2));
                });
        return credit;
    }

    private static InvoiceBalance balance(ResultSet rs) throws SQLException {
        return new InvoiceBalance(rs.getString(2), rs.getDate(3).toLocalDate(), rs.getBigDecimal(4),
                rs.getBigDecimal(5), InvoiceStatus.valueOf(rs.getString(6)));
    }

    private record PaymentLine(String paymentId, BigDecimal amount, String invoiceRef) {
    }
}
