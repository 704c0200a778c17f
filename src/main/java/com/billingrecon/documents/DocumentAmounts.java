package com.billingrecon.documents;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * Amounts as documents write them. A PDF shows the register's exact amount with at least the currency's minor
 * units ({@code 49.00}, {@code 0.20544}); an e-invoice carries money in minor units only (PINT SG allows two
 * decimals), so it rounds HALF_UP, as tax is rounded.
 */
final class DocumentAmounts {

    private DocumentAmounts() {
    }

    static int minorUnits(String currency) {
        return Currency.getInstance(currency).getDefaultFractionDigits();
    }

    /** Exact, padded to the minor units: nothing is lost on the page. */
    static String shown(BigDecimal amount, String currency) {
        BigDecimal stripped = amount.stripTrailingZeros();
        int scale = Math.max(stripped.scale(), minorUnits(currency));
        return stripped.setScale(scale, RoundingMode.UNNECESSARY).toPlainString();
    }

    /** In minor units, for the e-invoice. */
    static BigDecimal rounded(BigDecimal amount, String currency) {
        return amount.setScale(minorUnits(currency), RoundingMode.HALF_UP);
    }

    /** A tax rate as a percentage: 0.09 is {@code 9}. */
    static String percent(BigDecimal rate) {
        BigDecimal percent = rate.movePointRight(2).stripTrailingZeros();
        return percent.signum() == 0 ? "0" : percent.toPlainString();
    }

    /**
     * A document's subtotal, GST and total in Singapore dollars at {@code sgdRate} (SGD for one unit of the
     * document's currency), signed as the register: each of the subtotal and the GST in the document's minor
     * units is converted and rounded HALF_UP to cents, and the total is their sum, so the three add up.
     */
    static InSgd inSgd(InvoiceDocument d, BigDecimal sgdRate) {
        BigDecimal subtotal = toCents(rounded(d.subtotal(), d.currency()), sgdRate);
        BigDecimal tax = toCents(rounded(d.tax(), d.currency()), sgdRate);
        return new InSgd(sgdRate, subtotal, tax, subtotal.add(tax));
    }

    private static BigDecimal toCents(BigDecimal amount, BigDecimal sgdRate) {
        return amount.multiply(sgdRate).setScale(2, RoundingMode.HALF_UP);
    }

    /** The SGD figures of a document in another currency. */
    record InSgd(BigDecimal rate, BigDecimal subtotal, BigDecimal tax, BigDecimal total) {
    }
}
