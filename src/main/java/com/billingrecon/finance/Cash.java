package com.billingrecon.finance;

import java.math.BigDecimal;

/**
 * A day's money in one currency: payments received, the part of them applied to invoices, and credit the
 * accounts already held (or got from credit notes) applied to invoices.
 */
public record Cash(String currency, BigDecimal received, BigDecimal appliedFromPayments,
                   BigDecimal appliedFromCredit) {
}
