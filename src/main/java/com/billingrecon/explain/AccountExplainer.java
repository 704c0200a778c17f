package com.billingrecon.explain;

import com.billingrecon.billing.UnbilledItems;
import com.billingrecon.domain.InvoicingMode;
import com.billingrecon.explain.Explanation.Account;
import com.billingrecon.explain.Explanation.Applied;
import com.billingrecon.explain.Explanation.CreditNote;
import com.billingrecon.explain.Explanation.Invoice;
import com.billingrecon.explain.Explanation.Payment;
import com.billingrecon.explain.Explanation.Reserved;
import com.billingrecon.explain.Explanation.UnbilledGroup;
import com.billingrecon.explain.TrailQueries.InvoiceRow;
import com.billingrecon.report.AccountFigures;
import com.billingrecon.report.BalanceCalculator;
import com.billingrecon.report.BalanceLine;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Builds the explanation of one account's balance row as of a closed business day: the trail read line by line,
 * the figures added up from those lines, and the balance row the report's sums give, to compare.
 */
public final class AccountExplainer {

    /** Why an account cannot be explained as asked: the operator's mistake, not a difference. */
    public static final class NotExplainable extends RuntimeException {
        NotExplainable(String message) {
            super(message);
        }
    }

    /** A row as a report wrote it: its values in the columns of balances.csv, and the file it is from. */
    public record ReportedRow(List<String> values, String source) {
    }

    private final JdbcTemplate jdbc;

    public AccountExplainer(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param reportedRow the account's row of that day's balances.csv to check against; null to check against
     *                    the row the report's sums give from the ledger
     */
    public Explanation explain(String accountId, LocalDate asOf, ReportedRow reportedRow) {
        if (Boolean.TRUE.equals(jdbc.queryForObject("SELECT to_regclass('business_day') IS NULL", Boolean.class))) {
            throw new NotExplainable("this database holds no ledger");
        }
        TrailQueries trail = new TrailQueries(jdbc, accountId, asOf);
        if (!trail.isClosedDay()) {
            throw new NotExplainable("business day " + asOf + " was not closed in this ledger");
        }
        Account account = trail.account()
                .orElseThrow(() -> new NotExplainable("no account " + accountId + " in this ledger"));
        YearMonth current = YearMonth.from(asOf);
        InvoicingMode mode = account.mode();
        // SPEC §5: what the expecting invoice holds, by invoicing mode
        YearMonth unbilledPeriod = mode == InvoicingMode.NO_INVOICE ? null : current;
        boolean withCharges = mode != InvoicingMode.INDIVIDUAL_AND_MONTHLY;
        List<UnbilledGroup> unbilled = trail.unbilled(unbilledPeriod, withCharges);
        List<Reserved> reserved = trail.reserved();

        List<Invoice> invoices = new ArrayList<>();
        List<CreditNote> creditNotes = new ArrayList<>();
        for (InvoiceRow row : trail.invoices()) {
            if (row.total().signum() < 0) {
                List<Applied> applied = trail.applied(row.invoiceNo(), null);
                BigDecimal credit = row.total().negate();
                creditNotes.add(new CreditNote(row.invoiceNo(), row.issueDate(), credit, applied,
                        credit.subtract(sum(applied, Applied::amount))));
            }
            BigDecimal paid = sum(trail.applied(null, row.invoiceNo()), Applied::amount);
            BigDecimal open = row.total().signum() > 0 ? row.total().subtract(paid) : BigDecimal.ZERO;
            invoices.add(new Invoice(row.invoiceNo(), row.kind(), row.period(), row.issueDate(), row.revision(),
                    row.subtotal(), row.tax(), row.total(), trail.lines(row), paid, open));
        }
        List<Payment> payments = trail.payments().stream().map(p -> {
            List<Applied> applied = trail.applied(p.paymentId(), null).stream()
                    .filter(a -> a.date().equals(p.businessDate())).toList();
            return new Payment(p.paymentId(), p.businessDate(), p.paymentDate(), p.amount(), p.file(), applied,
                    p.amount().subtract(sum(applied, Applied::amount)));
        }).toList();
        List<Applied> carried = trail.applied(com.billingrecon.payments.Allocation.CARRIED_CREDIT, null);
        BigDecimal unappliedCredit = sum(payments, Payment::creditLeft).add(sum(creditNotes, CreditNote::creditLeft))
                .subtract(sum(carried, Applied::amount));

        BigDecimal unbilledCurrent = sum(unbilled.stream().filter(g -> g.period().equals(current)).toList(),
                UnbilledGroup::sum);
        BalanceLine fromTrail = BalanceCalculator.balance(new AccountFigures(account.accountId(), account.currency(),
                mode, account.creditLimit(), sum(reserved, Reserved::amount), unbilledCurrent,
                sum(unbilled, UnbilledGroup::sum), sum(payments, Payment::amount), sum(invoices, Invoice::total)));
        List<String> balanceRow = reportedRow != null ? reportedRow.values()
                : balanceRow(trail, account, current).csvValues();
        String source = reportedRow != null ? reportedRow.source() : "the ledger's sums as of " + asOf;
        return new Explanation(account, asOf, current, unbilled, trail.lateUsage(unbilledPeriod), reserved, invoices,
                payments, creditNotes, carried, unappliedCredit, fromTrail, balanceRow, source);
    }

    /** The row as balances.csv computes it, from the database's sums as of the day. */
    private static BalanceLine balanceRow(TrailQueries trail, Account account, YearMonth current) {
        BigDecimal[] s = trail.balanceSums(current);
        UnbilledItems unbilled = new UnbilledItems(s[1], s[2], s[3], s[4]);
        return BalanceCalculator.balance(new AccountFigures(account.accountId(), account.currency(), account.mode(),
                account.creditLimit(), s[0], unbilled.currentPeriod(account.mode()), unbilled.total(account.mode()),
                s[5], s[6]));
    }

    private static <T> BigDecimal sum(List<T> items, Function<T, BigDecimal> amount) {
        return items.stream().map(amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
