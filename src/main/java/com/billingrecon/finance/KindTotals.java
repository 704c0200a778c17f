package com.billingrecon.finance;

import java.math.BigDecimal;

/** The invoices of one kind issued on a day, in one currency. */
public record KindTotals(String currency, String kind, long count, BigDecimal subtotal, BigDecimal tax,
                         BigDecimal total) {
}
