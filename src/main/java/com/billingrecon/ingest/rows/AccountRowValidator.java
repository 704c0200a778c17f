package com.billingrecon.ingest.rows;

import static com.billingrecon.domain.RejectReason.INVALID_AMOUNT;
import static com.billingrecon.domain.RejectReason.INVALID_CURRENCY;
import static com.billingrecon.domain.RejectReason.INVALID_MODE;
import static com.billingrecon.domain.RejectReason.INVALID_PAYMENT_TERMS;
import static com.billingrecon.ingest.rows.FieldRules.quoted;

import com.billingrecon.domain.InvoicingMode;
import com.billingrecon.domain.PaymentTerms;
import java.math.BigDecimal;
import java.util.Currency;

/**
 * The row rules of accounts.csv that need no history, in the SPEC's order: MALFORMED, MISSING_ID (an empty
 * account_id, checked first), INVALID_MODE, INVALID_CURRENCY, INVALID_AMOUNT (credit_limit, then tax_rate),
 * INVALID_PAYMENT_TERMS (the optional payment_terms_days).
 * Repeats within the file are {@link AccountsFileRules}'s business.
 */
public final class AccountRowValidator {

    public ValidatedRow<AccountRecord> check(SourceRow row) {
        return FieldRules.check(row, AccountRowValidator::parse);
    }

    private static AccountRecord parse(SourceRow row) {
        String accountId = FieldRules.id(row, "account_id");
        InvoicingMode mode = FieldRules.constant(InvoicingMode.class, "invoicing_mode", row.value("invoicing_mode"),
                INVALID_MODE);
        String code = row.value("currency");
        Currency currency = currency(code);
        BigDecimal creditLimit = notNegative(row, "credit_limit");
        BigDecimal taxRate = notNegative(row, "tax_rate");
        Integer terms = paymentTerms(row.value("payment_terms_days"));
        return new AccountRecord(accountId, row.value("name"), code, mode, creditLimit, taxRate,
                currency.getDefaultFractionDigits(), row.fingerprint(), terms,
                AccountRecord.Contact.of(row));
    }

    /** Three upper-case letters naming an ISO 4217 currency with minor units (not e.g. XAU or XXX). */
    private static Currency currency(String code) {
        if (code.length() == 3 && code.chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
            try {
                Currency currency = Currency.getInstance(code);
                if (currency.getDefaultFractionDigits() >= 0) {
                    return currency;
                }
            } catch (IllegalArgumentException unknown) {
                // reported below, like any other bad code
            }
        }
        throw new RowRejected(INVALID_CURRENCY, "currency " + quoted(code) + " is not an ISO 4217 code with minor units");
    }

    /** The optional column: empty means the configured default. */
    private static Integer paymentTerms(String text) {
        if (text.isEmpty()) {
            return null;
        }
        if (!PaymentTerms.isDays(text)) {
            throw new RowRejected(INVALID_PAYMENT_TERMS, "payment_terms_days " + quoted(text)
                    + " is not a whole number of days from 0 to " + PaymentTerms.MAX_DAYS);
        }
        return Integer.parseInt(text);
    }

    private static BigDecimal notNegative(SourceRow row, String column) {
        BigDecimal value = FieldRules.amount(row, column);
        if (value.signum() < 0) {
            throw new RowRejected(INVALID_AMOUNT, column + " " + quoted(row.value(column)) + " is negative");
        }
        return value;
    }
}
