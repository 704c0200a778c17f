package com.billingrecon.ingest.rows;

import com.billingrecon.domain.InvoicingMode;
import java.math.BigDecimal;

/**
 * An account of accounts.csv that passed its row rules.
 *
 * @param paymentTermsDays the optional column; null when empty or absent (the configured default applies)
 * @param contact what its documents are addressed with: the optional columns, "" where absent
 */
public record AccountRecord(String accountId, String name, String currency, InvoicingMode mode,
                            BigDecimal creditLimit, BigDecimal taxRate, int minorUnits, String fingerprint,
                            Integer paymentTermsDays, Contact contact) {

    public AccountRecord(String accountId, String name, String currency, InvoicingMode mode, BigDecimal creditLimit,
                         BigDecimal taxRate, int minorUnits, String fingerprint, Integer paymentTermsDays) {
        this(accountId, name, currency, mode, creditLimit, taxRate, minorUnits, fingerprint, paymentTermsDays,
                Contact.NONE);
    }

    /** The optional columns of accounts.csv: where and to whom documents go. Not part of "identical". */
    public record Contact(String billingAddress, String billingPostalCode, String billingCountry, String taxId,
                          String peppolId, String email) {

        public static final Contact NONE = new Contact("", "", "", "", "", "");

        static Contact of(SourceRow row) {
            return new Contact(optional(row, "billing_address"), optional(row, "billing_postal_code"),
                    optional(row, "billing_country"), optional(row, "tax_id"), optional(row, "peppol_id"),
                    optional(row, "email"));
        }

        private static String optional(SourceRow row, String column) {
            String value = row.value(column);
            return value == null ? "" : value;
        }
    }
}
