package com.billingrecon.payments;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AccountSettlementProperties {

    private static final LocalDate FIRST_ISSUE = LocalDate.of(2026, 1, 1);

    sealed interface Event permits Issue, Pay {
    }

    record Issue(BigDecimal total, int dayOffset) implements Event {
    }

    /** refIndex: -2 no reference, -1 an unknown invoice, else the invoice issued as number refIndex (if any). */
    record Pay(BigDecimal amount, int refIndex) implements Event {
    }

    @Property
    void moneyIsNeitherCreatedNorLostAndCreditNeverSitsBesideAnOpenInvoice(
            @ForAll("events") List<Event> events) {
        AccountSettlement ledger = new AccountSettlement(BigDecimal.ZERO, List.of());
        BigDecimal paymentsReceived = BigDecimal.ZERO;
        BigDecimal creditNotes = BigDecimal.ZERO;
        int issued = 0;
        int payments = 0;

        for (Event event : events) {
            if (event instanceof Issue issue) {
                ledger.issue(new InvoiceBalance(invoiceNo(issued++), FIRST_ISSUE.plusDays(issue.dayOffset()),
                        issue.total(), BigDecimal.ZERO, InvoiceStatus.OPEN));
                if (issue.total().signum() < 0) {
                    creditNotes = creditNotes.add(issue.total().negate());
                }
            } else if (event instanceof Pay pay) {
                ledger.pay("P" + payments++, pay.amount(), reference(pay.refIndex()));
                paymentsReceived = paymentsReceived.add(pay.amount());
            }
            assertSettledConsistently(ledger);
        }

        // From an empty start every invoice was issued here, so changed() lists them all.
        BigDecimal paidOverInvoices = ledger.changed().stream().map(InvoiceBalance::paid)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal allocated = ledger.allocations().stream().map(Allocation::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(ledger.changed()).hasSize(issued);
        assertThat(paidOverInvoices.add(ledger.credit())).isEqualByComparingTo(paymentsReceived.add(creditNotes));
        assertThat(allocated).isEqualByComparingTo(paidOverInvoices);
    }

    private static void assertSettledConsistently(AccountSettlement ledger) {
        assertThat(ledger.credit().signum()).isNotNegative();
        for (InvoiceBalance invoice : ledger.changed()) {
            assertThat(invoice.paid().signum()).isNotNegative();
            if (invoice.total().signum() <= 0) {
                assertThat(invoice.paid()).isEqualByComparingTo("0");
            } else {
                assertThat(invoice.paid()).isLessThanOrEqualTo(invoice.total());
                InvoiceStatus expected = invoice.paid().compareTo(invoice.total()) == 0 ? InvoiceStatus.PAID
                        : invoice.paid().signum() > 0 ? InvoiceStatus.PARTIALLY_PAID : InvoiceStatus.OPEN;
                assertThat(invoice.status()).isEqualTo(expected);
            }
            if (ledger.credit().signum() > 0) {
                assertThat(invoice.open()).isEqualByComparingTo("0");
            }
        }
        assertThat(ledger.allocations()).allSatisfy(a -> assertThat(a.amount().signum()).isPositive());
    }

    private static String invoiceNo(int number) {
        return String.format("INV-%03d", number);
    }

    private static String reference(int refIndex) {
        return switch (refIndex) {
            case -2 -> "";
            case -1 -> "INV-OTHER-ACCOUNT";
            default -> invoiceNo(refIndex);
        };
    }

    @Provide
    Arbitrary<List<Event>> events() {
        // Some credit notes, some zero invoices, mostly invoices to pay.
        Arbitrary<BigDecimal> totals = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(BigDecimal.ZERO)),
                Tuple.of(9, amounts(-50_000_000L, 200_000_000L)));
        Arbitrary<Event> issue = Combinators.combine(totals, Arbitraries.integers().between(0, 90)).as(Issue::new);
        Arbitrary<Event> pay = Combinators.combine(amounts(1L, 200_000_000L), Arbitraries.integers().between(-2, 12))
                .as(Pay::new);
        return Arbitraries.oneOf(issue, pay).list().ofMaxSize(30);
    }

    /** Exact decimals of 0 to 6 fractional digits, unscaled value in the given range. */
    private static Arbitrary<BigDecimal> amounts(long minUnscaled, long maxUnscaled) {
        return Combinators.combine(
                        Arbitraries.longs().between(minUnscaled, maxUnscaled),
                        Arbitraries.integers().between(0, 6))
                .as(BigDecimal::valueOf);
    }
}
