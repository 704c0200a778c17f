package com.billingrecon.ingest.rows;

import com.billingrecon.domain.InvoicingMode;
import java.math.BigDecimal;

/**
 * An account of accounts.csv that passed its row rules.
 *
 * @param paymentTermsDays the optional column; null when empty or absent (the configured default applies)
 */
public record AccountRecord(String accountId, String name, String currency, InvoicingMode mode,
                            BigDecimal creditLimit, BigDecimal taxRate, int minorUnits, String fingerprint,
                            Integer paymentTermsDays) {
}
