package com.billingrecon.report;

import java.math.BigDecimal;

/** The seed's signs: negative is DR (the customer owes), positive is CR (overpaid). */
public enum BalanceSide {
    DR("DR"),
    CR("CR"),
    /** Exactly zero: neither side, written as an empty value. */
    NONE("");

    private final String label;

    BalanceSide(String label) {
        this.label = label;
    }

    public static BalanceSide of(BigDecimal amount) {
        return switch (amount.signum()) {
            case -1 -> DR;
            case 1 -> CR;
            default -> NONE;
        };
    }

    /** The value written in the report's side columns. */
    public String label() {
        return label;
    }
}
