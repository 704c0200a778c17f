package com.billingrecon.payments;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccountSettlementTest {

    private static final LocalDate OCT_1 = LocalDate.of(2026, 10, 1);
    private static final LocalDate NOV_1 = LocalDate.of(2026, 11, 1);
    private static final LocalDate DEC_1 = LocalDate.of(2026, 12, 1);

    private static BigDecimal dec(String text) {
        return new BigDecimal(text);
    }

    private static InvoiceBalance newInvoice(String invoiceNo, LocalDate issued, String total) {
        return new InvoiceBalance(invoiceNo, issued, dec(total), BigDecimal.ZERO, InvoiceStatus.OPEN);
    }

    private static InvoiceBalance existing(String invoiceNo, LocalDate issued, String total, String paid,
                                           InvoiceStatus status) {
        return new InvoiceBalance(invoiceNo, issued, dec(total), dec(paid), status);
    }

    private static AccountSettlement emptyLedger() {
        return new AccountSettlement(BigDecimal.ZERO, List.of());
    }

    private static InvoiceBalance find(AccountSettlement ledger, String invoiceNo) {
        return ledger.changed().stream().filter(i -> i.invoiceNo().equals(invoiceNo)).findFirst().orElseThrow();
    }

    @Test
    void anOverpaymentBecomesCreditAndPaysTheNextInvoiceWhenItIsIssued() {
        AccountSettlement ledger = emptyLedger();
        ledger.issue(newInvoice("INV-A-202610-C", NOV_1, "80"));

        ledger.pay("P1", dec("100"), "");          // 80 to the invoice, 20 left
        assertThat(ledger.credit()).isEqualByComparingTo("20");

        ledger.issue(newInvoice("INV-A-202611-C", DEC_1, "50")); // 20 of credit at once, 30 left open

        InvoiceBalance next = find(ledger, "INV-A-202611-C");
        assertThat(ledger.credit()).isEqualByComparingTo("0");
        assertThat(next.paid()).isEqualByComparingTo("20");
        assertThat(next.open()).isEqualByComparingTo("30");
        assertThat(next.status()).isEqualTo(InvoiceStatus.PARTIALLY_PAID);
        assertThat(ledger.allocations()).containsExactly(
                new Allocation("P1", "INV-A-202610-C", dec("80")),
                new Allocation(Allocation.CARRIED_CREDIT, "INV-A-202611-C", dec("20")));
    }

    @Test
    void creditHeldFromEarlierRunsPaysANewInvoiceInFull() {
        AccountSettlement ledger = new AccountSettlement(dec("75.5"), List.of());

        ledger.issue(newInvoice("INV-A-202610-U", NOV_1, "60.25"));   // 75.5 − 60.25 = 15.25 left

        assertThat(find(ledger, "INV-A-202610-U").status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(ledger.credit()).isEqualByComparingTo("15.25");
    }

    @Test
    void aCreditNotePaysAnOlderOpenInvoice() {
        InvoiceBalance older = existing("INV-A-202609-C", OCT_1, "40", "0", InvoiceStatus.OPEN);
        AccountSettlement ledger = new AccountSettlement(BigDecimal.ZERO, List.of(older));

        ledger.issue(newInvoice("INV-A-202610-C", NOV_1, "-100")); // 40 to the older one, 60 credit

        InvoiceBalance creditNote = find(ledger, "INV-A-202610-C");
        assertThat(creditNote.status()).isEqualTo(InvoiceStatus.CREDIT);
        assertThat(creditNote.paid()).isEqualByComparingTo("0");
        assertThat(creditNote.open()).isEqualByComparingTo("0");
        assertThat(find(ledger, "INV-A-202609-C").status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(ledger.credit()).isEqualByComparingTo("60");
        assertThat(ledger.allocations()).containsExactly(new Allocation("INV-A-202610-C", "INV-A-202609-C", dec("40")));
    }

    @Test
    void aZeroInvoiceIsIssuedPaidAndTakesNoCredit() {
        AccountSettlement ledger = new AccountSettlement(dec("10"), List.of());

        ledger.issue(newInvoice("INV-A-202610-C", NOV_1, "0"));

        InvoiceBalance invoice = find(ledger, "INV-A-202610-C");
        assertThat(invoice.status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(invoice.paid()).isEqualByComparingTo("0");
        assertThat(ledger.credit()).isEqualByComparingTo("10");
        assertThat(ledger.allocations()).isEmpty();
    }

    @Test
    void anInvoiceRefNamingAnotherAccountsInvoiceIsIgnored() {
        AccountSettlement ledger = new AccountSettlement(BigDecimal.ZERO, List.of(
                existing("INV-A-1", OCT_1, "30", "0", InvoiceStatus.OPEN),
                existing("INV-A-2", NOV_1, "30", "0", InvoiceStatus.OPEN)));

        ledger.pay("P1", dec("40"), "INV-B-1");   // oldest first: 30 to INV-A-1, 10 to INV-A-2

        assertThat(ledger.allocations()).containsExactly(
                new Allocation("P1", "INV-A-1", dec("30")),
                new Allocation("P1", "INV-A-2", dec("10")));
        assertThat(ledger.credit()).isEqualByComparingTo("0");
    }

    @Test
    void anInvoiceRefNamingAPaidInvoiceIsIgnored() {
        AccountSettlement ledger = new AccountSettlement(BigDecimal.ZERO, List.of(
                existing("INV-A-1", OCT_1, "30", "30", InvoiceStatus.PAID),
                existing("INV-A-2", NOV_1, "50", "0", InvoiceStatus.OPEN)));

        ledger.pay("P1", dec("70"), "INV-A-1");   // 50 to INV-A-2, 20 becomes credit

        assertThat(ledger.allocations()).containsExactly(new Allocation("P1", "INV-A-2", dec("50")));
        assertThat(ledger.credit()).isEqualByComparingTo("20");
        assertThat(ledger.changed()).extracting(InvoiceBalance::invoiceNo).containsExactly("INV-A-2");
    }

    @Test
    void anInvoiceRefNamingACreditNoteIsIgnored() {
        AccountSettlement ledger = emptyLedger();
        ledger.issue(newInvoice("INV-A-1", OCT_1, "-5"));

        ledger.pay("P1", dec("7"), "INV-A-1");

        assertThat(ledger.allocations()).isEmpty();
        assertThat(ledger.credit()).isEqualByComparingTo("12");   // 5 + 7
    }

    @Test
    void theReferencedInvoiceIsPaidFirstThenTheOldest() {
        AccountSettlement ledger = new AccountSettlement(BigDecimal.ZERO, List.of(
                existing("INV-A-1", OCT_1, "30", "0", InvoiceStatus.OPEN),
                existing("INV-A-2", NOV_1, "40", "0", InvoiceStatus.OPEN),
                existing("INV-A-3", DEC_1, "50", "0", InvoiceStatus.OPEN)));

        ledger.pay("P1", dec("60"), "INV-A-3");   // 50 to INV-A-3, then 10 to the oldest, INV-A-1

        assertThat(ledger.allocations()).containsExactly(
                new Allocation("P1", "INV-A-3", dec("50")),
                new Allocation("P1", "INV-A-1", dec("10")));
        assertThat(ledger.changed()).extracting(InvoiceBalance::invoiceNo, InvoiceBalance::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("INV-A-1", InvoiceStatus.PARTIALLY_PAID),
                org.assertj.core.groups.Tuple.tuple("INV-A-3", InvoiceStatus.PAID));
    }

    @Test
    void invoicesIssuedTheSameDayArePaidInInvoiceNumberOrder() {
        AccountSettlement ledger = emptyLedger();
        ledger.issue(newInvoice("INV-A-b", NOV_1, "10"));
        ledger.issue(newInvoice("INV-A-a", NOV_1, "10"));

        ledger.pay("P1", dec("15"), "");

        assertThat(ledger.allocations()).containsExactly(
                new Allocation("P1", "INV-A-a", dec("10")),
                new Allocation("P1", "INV-A-b", dec("5")));
    }

    @Test
    void partialPaymentsAccumulateUntilTheInvoiceIsPaid() {
        AccountSettlement ledger = emptyLedger();
        ledger.issue(newInvoice("INV-A-1", NOV_1, "100"));

        ledger.pay("P1", dec("30"), "INV-A-1");
        assertThat(find(ledger, "INV-A-1").status()).isEqualTo(InvoiceStatus.PARTIALLY_PAID);
        assertThat(find(ledger, "INV-A-1").open()).isEqualByComparingTo("70");

        ledger.pay("P2", dec("45"), "INV-A-1");
        assertThat(find(ledger, "INV-A-1").paid()).isEqualByComparingTo("75");
        assertThat(find(ledger, "INV-A-1").status()).isEqualTo(InvoiceStatus.PARTIALLY_PAID);

        ledger.pay("P3", dec("25"), "INV-A-1");
        assertThat(find(ledger, "INV-A-1").status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(find(ledger, "INV-A-1").open()).isEqualByComparingTo("0");
        assertThat(ledger.credit()).isEqualByComparingTo("0");
    }

    @Test
    void amountsWithSixDecimalsStayExact() {
        AccountSettlement ledger = emptyLedger();
        ledger.issue(newInvoice("INV-A-1", NOV_1, "1610.815449"));

        ledger.pay("P1", dec("1610.815440"), "");   // 0.000009 still owed
        InvoiceBalance afterFirst = find(ledger, "INV-A-1");
        assertThat(afterFirst.open()).isEqualByComparingTo("0.000009");
        assertThat(afterFirst.status()).isEqualTo(InvoiceStatus.PARTIALLY_PAID);

        ledger.pay("P2", dec("0.000010"), "");      // 0.000009 to the invoice, 0.000001 credit
        assertThat(find(ledger, "INV-A-1").status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(ledger.credit()).isEqualByComparingTo("0.000001");
    }

    @Test
    void creditHeldTogetherWithAnOpenInvoiceIsAppliedAtOnce() {
        AccountSettlement ledger = new AccountSettlement(dec("25"),
                List.of(existing("INV-A-1", OCT_1, "100", "0", InvoiceStatus.OPEN)));

        assertThat(ledger.credit()).isEqualByComparingTo("0");
        assertThat(find(ledger, "INV-A-1").paid()).isEqualByComparingTo("25");
        assertThat(ledger.allocations()).containsExactly(new Allocation(Allocation.CARRIED_CREDIT, "INV-A-1", dec("25")));
    }

    @Test
    void untouchedInvoicesAreNotReportedAsChanged() {
        AccountSettlement ledger = new AccountSettlement(BigDecimal.ZERO, List.of(
                existing("INV-A-1", OCT_1, "30", "0", InvoiceStatus.OPEN),
                existing("INV-A-2", NOV_1, "40", "0", InvoiceStatus.OPEN)));

        ledger.pay("P1", dec("10"), "");

        assertThat(ledger.changed()).extracting(InvoiceBalance::invoiceNo).containsExactly("INV-A-1");
    }

    @Test
    void aPaymentMustBePositive() {
        assertThatThrownBy(() -> emptyLedger().pay("P1", BigDecimal.ZERO, ""))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anInvoiceCannotBeIssuedTwice() {
        AccountSettlement ledger = emptyLedger();
        ledger.issue(newInvoice("INV-A-1", NOV_1, "10"));

        assertThatThrownBy(() -> ledger.issue(newInvoice("INV-A-1", NOV_1, "10")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
