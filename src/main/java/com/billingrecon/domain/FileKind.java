package com.billingrecon.domain;

import java.util.List;

/** The kinds of input file and the columns each one requires (matched by header name). */
public enum FileKind {
    ACCOUNTS("accounts", List.of("account_id", "name", "currency", "invoicing_mode", "credit_limit", "tax_rate",
            "payment_terms_days", "billing_address", "billing_postal_code", "billing_country", "tax_id", "peppol_id",
            "email")),
    CDR("cdr", List.of("cdr_id", "account_id", "type", "start_time", "duration_s", "amount", "currency", "status")),
    CHARGES("charges", List.of("charge_id", "account_id", "type", "charge_date", "amount", "currency", "description")),
    PAYMENTS("payments", List.of("payment_id", "account_id", "payment_date", "amount", "currency", "method", "invoice_ref"));

    /** Columns whose absence from the header does not reject the file (their values are optional too). */
    public static final List<String> OPTIONAL_COLUMNS = List.of("invoice_ref", "payment_terms_days",
            "billing_address", "billing_postal_code", "billing_country", "tax_id", "peppol_id", "email");

    private final String label;
    private final List<String> columns;

    FileKind(String label, List<String> columns) {
        this.label = label;
        this.columns = columns;
    }

    /** The word used in file names and in the reconciliation report's {@code kind} column. */
    public String label() {
        return label;
    }

    /** All columns the rows of this kind are read from, in a fixed order. */
    public List<String> columns() {
        return columns;
    }

    public List<String> requiredColumns() {
        return columns.stream().filter(c -> !OPTIONAL_COLUMNS.contains(c)).toList();
    }
}
