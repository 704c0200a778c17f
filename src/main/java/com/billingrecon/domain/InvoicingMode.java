package com.billingrecon.domain;

/** How an account is invoiced; decides which items are unbilled (the seed's table). */
public enum InvoicingMode {
    /** An individual invoice per non-usage charge, one monthly tax invoice for usage. */
    INDIVIDUAL_AND_MONTHLY,
    /** One invoice a month holding every transaction. */
    CONSOLIDATED_MONTHLY,
    /** No invoices at all: everything stays unbilled. */
    NO_INVOICE
}
