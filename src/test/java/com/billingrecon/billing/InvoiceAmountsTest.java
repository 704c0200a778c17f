package com.billingrecon.billing;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Currency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InvoiceAmountsTest {

    private static final int SGD = 2;
    private static final int JPY = 0;

    private static BigDecimal dec(String text) {
        return new BigDecimal(text);
    }

    @Test
    void halfAMinorUnitOfTaxRoundsAwayFromZeroOnAPositiveSubtotal() {
        // 10.05 × 0.1 = 1.005 → 1.01
        InvoiceAmounts amounts = InvoiceAmounts.of(dec("10.05"), dec("0.1"), SGD);

        assertThat(amounts.tax()).isEqualByComparingTo("1.01");
        assertThat(amounts.total()).isEqualByComparingTo("11.06");
    }

    @Test
    void halfAMinorUnitOfTaxRoundsAwayFromZeroOnANegativeSubtotal() {
        // -10.05 × 0.1 = -1.005 → -1.01, the mirror of the positive case
        InvoiceAmounts amounts = InvoiceAmounts.of(dec("-10.05"), dec("0.1"), SGD);

        assertThat(amounts.tax()).isEqualByComparingTo("-1.01");
        assertThat(amounts.total()).isEqualByComparingTo("-11.06");
    }

    @Test
    void lessThanHalfAMinorUnitOfTaxRoundsTowardZero() {
        // 10.04 × 0.1 = 1.004 → 1.00
        assertThat(InvoiceAmounts.of(dec("10.04"), dec("0.1"), SGD).tax()).isEqualByComparingTo("1.00");
        assertThat(InvoiceAmounts.of(dec("-10.04"), dec("0.1"), SGD).tax()).isEqualByComparingTo("-1.00");
    }

    @Test
    void taxInACurrencyWithoutMinorUnitsIsRoundedToWholeUnits() {
        // JPY: 1005 × 0.1 = 100.5 → 101; 1004 × 0.1 = 100.4 → 100
        InvoiceAmounts roundsUp = InvoiceAmounts.of(dec("1005"), dec("0.1"), JPY);
        InvoiceAmounts roundsDown = InvoiceAmounts.of(dec("1004"), dec("0.1"), JPY);

        assertThat(roundsUp.tax()).isEqualByComparingTo("101");
        assertThat(roundsUp.tax().scale()).isZero();
        assertThat(roundsUp.total()).isEqualByComparingTo("1106");
        assertThat(roundsDown.tax()).isEqualByComparingTo("100");
    }

    @Test
    void minorUnitsComeFromTheCurrency() {
        assertThat(InvoiceAmounts.of(dec("1005"), dec("0.1"), Currency.getInstance("JPY")).tax())
                .isEqualByComparingTo("101");
        assertThat(InvoiceAmounts.of(dec("10.05"), dec("0.1"), Currency.getInstance("SGD")).tax())
                .isEqualByComparingTo("1.01");
    }

    @Test
    void aZeroTaxRateGivesZeroTaxAndTheSubtotalAsTotal() {
        InvoiceAmounts amounts = InvoiceAmounts.of(dec("123.456789"), BigDecimal.ZERO, SGD);

        assertThat(amounts.tax()).isEqualByComparingTo("0");
        assertThat(amounts.total()).isEqualByComparingTo("123.456789");
    }

    @Test
    void aTaxRateAboveOneIsApplied() {
        // 10.00 × 1.5 = 15.00; total 25.00
        InvoiceAmounts amounts = InvoiceAmounts.of(dec("10.00"), dec("1.5"), SGD);

        assertThat(amounts.tax()).isEqualByComparingTo("15.00");
        assertThat(amounts.total()).isEqualByComparingTo("25.00");
    }

    @Test
    void theTotalKeepsTheSixDecimalsOfTheSubtotal() {
        // 1.234567 × 0.09 = 0.11111103 → 0.11; total = 1.234567 + 0.11 = 1.344567
        InvoiceAmounts amounts = InvoiceAmounts.of(dec("1.234567"), dec("0.09"), SGD);

        assertThat(amounts.subtotal()).isEqualByComparingTo("1.234567");
        assertThat(amounts.tax()).isEqualByComparingTo("0.11");
        assertThat(amounts.total()).isEqualByComparingTo("1.344567");
        assertThat(amounts.total().toPlainString()).isEqualTo("1.344567");
    }

    @Test
    void aNegativeTotalIsIssuedAsACreditNote() {
        InvoiceAmounts amounts = InvoiceAmounts.of(dec("-100"), dec("0.09"), SGD);

        assertThat(amounts.total()).isEqualByComparingTo("-109.00");
        assertThat(amounts.isCreditNote()).isTrue();
        assertThat(amounts.initialStatus()).isEqualTo(InvoiceStatus.CREDIT);
    }

    @Test
    void aZeroTotalIsIssuedPaid() {
        InvoiceAmounts amounts = InvoiceAmounts.of(BigDecimal.ZERO, dec("0.09"), SGD);

        assertThat(amounts.isCreditNote()).isFalse();
        assertThat(amounts.initialStatus()).isEqualTo(InvoiceStatus.PAID);
    }

    @Test
    void aPositiveTotalIsIssuedOpen() {
        assertThat(InvoiceAmounts.of(dec("0.000001"), dec("0.09"), SGD).initialStatus())
                .isEqualTo(InvoiceStatus.OPEN);
    }

    @Test
    void aSubtotalWhoseTaxRoundsToZeroKeepsItsTotal() {
        // 0.000001 × 0.09 = 0.00000009 → 0.00; total 0.000001 stays open, not paid
        InvoiceAmounts amounts = InvoiceAmounts.of(dec("0.000001"), dec("0.09"), SGD);

        assertThat(amounts.tax()).isEqualByComparingTo("0");
        assertThat(amounts.total()).isEqualByComparingTo("0.000001");
    }

    @Test
    void aNegativeTaxRateIsRefused() {
        assertThatThrownBy(() -> InvoiceAmounts.of(dec("10"), dec("-0.1"), SGD))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
