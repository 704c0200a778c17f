package com.billingrecon.explain;

import com.billingrecon.domain.InvoicingMode;
import com.billingrecon.report.BalanceLine;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * How one account's row of balances.csv as of a business day is made: the items, invoices, payments and credit
 * behind it, the figures recomputed from them, and the balance row they are checked against: the row of that
 * day's balances.csv when its folder is given, else the row the report's sums give from the ledger now.
 *
 * @param balanceRow       the values of the balance row, in the columns of balances.csv
 * @param balanceRowSource where the balance row comes from, for the reader
 */
public record Explanation(Account account, LocalDate asOf, YearMonth currentPeriod, List<UnbilledGroup> unbilled,
                          List<LateUsage> lateUsage, List<Reserved> reserved, List<Invoice> invoices,
                          List<Payment> payments, List<CreditNote> creditNotes, List<Applied> carriedCredit,
                          BigDecimal unappliedCredit, BalanceLine fromTrail, List<String> balanceRow,
                          String balanceRowSource) {

    public record Account(String accountId, String name, String currency, InvoicingMode mode, BigDecimal creditLimit) {
    }

    /** Unbilled items of one billing period and type: what the expecting invoice holds. */
    public record UnbilledGroup(YearMonth period, String kind, String type, long count, BigDecimal sum) {
    }

    /** A usage record billed in a later period than its event's because its file came after the close. */
    public record LateUsage(String cdrId, YearMonth eventPeriod, YearMonth billingPeriod, String file, BigDecimal amount) {
    }

    public record Reserved(String cdrId, BigDecimal amount, String file) {
    }

    /** Money applied to an invoice, on a day. */
    public record Applied(String invoiceNo, LocalDate date, BigDecimal amount, String source) {
    }

    /** An invoice's lines summed per item kind and type. */
    public record Line(String kind, String type, long count, BigDecimal sum) {
    }

    public record Invoice(String invoiceNo, String kind, YearMonth period, LocalDate issueDate, int revision,
                          BigDecimal subtotal, BigDecimal tax, BigDecimal total, List<Line> lines, BigDecimal paid,
                          BigDecimal open) {
    }

    public record Payment(String paymentId, LocalDate businessDate, LocalDate paymentDate, BigDecimal amount,
                          String file, List<Applied> applied, BigDecimal creditLeft) {
    }

    public record CreditNote(String invoiceNo, LocalDate issueDate, BigDecimal credit, List<Applied> applied,
                             BigDecimal creditLeft) {
    }

    /** Whether every figure recomputed from the trail equals the balance row. */
    public boolean agrees() {
        return fromTrail.csvValues().equals(balanceRow);
    }
}
