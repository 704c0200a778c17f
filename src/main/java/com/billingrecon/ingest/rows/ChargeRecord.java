package com.billingrecon.ingest.rows;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A non-usage charge that passed the row rules that need no history; a negative amount is a credit. */
public record ChargeRecord(String chargeId, String accountId, ChargeType type, LocalDate chargeDate,
                           BigDecimal amount, String currency, String description, String fingerprint) {

    public enum ChargeType { SUBSCRIPTION, ADDON, SERVICE, HARDWARE }
}
