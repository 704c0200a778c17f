package com.billingrecon.payments;

import com.billingrecon.billing.InvoiceStatus;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class InvoiceBalanceTest {

    private static final LocalDate ISSUED = LocalDate.of(2026, 11, 1);

    private static InvoiceBalance invoice(String total, String paid, InvoiceStatus status) {
        return new InvoiceBalance("INV-A-1", ISSUED, new BigDecimal(total), new BigDecimal(paid), status);
    }

    @Test
    void anOpenInvoiceOwesItsTotalLessWhatWasPaid() {
        assertThat(invoice("100.50", "0", InvoiceStatus.OPEN).open()).isEqualByComparingTo("100.50");
        assertThat(invoice("100.50", "40.25", InvoiceStatus.PARTIALLY_PAID).open()).isEqualByComparingTo("60.25");
    }

    @Test
    void invoicesThatCannotBePaidOweNothing() {
        assertThat(invoice("100", "100", InvoiceStatus.PAID).open()).isEqualByComparingTo("0");
        assertThat(invoice("-50", "0", InvoiceStatus.CREDIT).open()).isEqualByComparingTo("0");
        assertThat(invoice("100", "0", InvoiceStatus.SUPERSEDED).open()).isEqualByComparingTo("0");
        assertThat(invoice("100", "0", InvoiceStatus.VOID).open()).isEqualByComparingTo("0");
    }

    @Test
    void applyingLessThanWhatIsOwedLeavesItPartiallyPaid() {
        InvoiceBalance after = invoice("100", "0", InvoiceStatus.OPEN).withApplied(new BigDecimal("30.000001"));

        assertThat(after.paid()).isEqualByComparingTo("30.000001");
        assertThat(after.status()).isEqualTo(InvoiceStatus.PARTIALLY_PAID);
        assertThat(after.open()).isEqualByComparingTo("69.999999");
    }

    @Test
    void applyingWhatIsOwedMakesItPaid() {
        InvoiceBalance after = invoice("100", "30", InvoiceStatus.PARTIALLY_PAID).withApplied(new BigDecimal("70"));

        assertThat(after.status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(after.open()).isEqualByComparingTo("0");
    }
}
