package com.billingrecon.domain;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Money as exact decimals. Amounts in the input are written {@code [+-]digits[.digits]} with at most
 * six fractional digits; they are never binary floating point and nothing is rounded but tax.
 */
public final class Amounts {

    public static final int MAX_SCALE = 6;

    private static final Pattern DECIMAL = Pattern.compile("[+-]?[0-9]+(\\.[0-9]+)?");

    private Amounts() {
    }

    /** The exact value of {@code text}, or empty when it is not a decimal of the contract's syntax. */
    public static Optional<BigDecimal> parse(String text) {
        if (text == null || !DECIMAL.matcher(text).matches()) {
            return Optional.empty();
        }
        BigDecimal value = new BigDecimal(text);
        int fraction = text.indexOf('.') < 0 ? 0 : text.length() - text.indexOf('.') - 1;
        return fraction > MAX_SCALE ? Optional.empty() : Optional.of(value);
    }

    /** Whether {@code text} is written as a decimal, whatever its number of fractional digits. */
    public static boolean isDecimalSyntax(String text) {
        return text != null && DECIMAL.matcher(text).matches();
    }

    /** The shortest plain form the reports use: {@code 4.5}, {@code 0}, {@code -1610.81544}. */
    public static String format(BigDecimal amount) {
        if (amount.signum() == 0) {
            return "0";
        }
        return amount.stripTrailingZeros().toPlainString();
    }
}
