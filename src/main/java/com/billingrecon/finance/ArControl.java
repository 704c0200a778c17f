package com.billingrecon.finance;

import java.math.BigDecimal;

/**
 * The second control, per currency: the AR control balance that every posting so far adds up to (receivables
 * less customer credit) against the register (open invoice amounts less unapplied credit).
 */
public record ArControl(String currency, BigDecimal postedReceivables, BigDecimal postedCustomerCredit,
                        BigDecimal registerOpen, BigDecimal unappliedCredit) {

    public BigDecimal controlBalance() {
        return postedReceivables.subtract(postedCustomerCredit);
    }

    public BigDecimal registerBalance() {
        return registerOpen.subtract(unappliedCredit);
    }

    public boolean agrees() {
        return controlBalance().compareTo(registerBalance()) == 0;
    }
}
