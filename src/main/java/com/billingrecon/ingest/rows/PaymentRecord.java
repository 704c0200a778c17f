package com.billingrecon.ingest.rows;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A payment that passed the row rules that need no history; invoiceRef is "" when not given. */
public record PaymentRecord(String paymentId, String accountId, LocalDate paymentDate, BigDecimal amount,
                            String currency, String method, String invoiceRef, String fingerprint) {
}
