package com.billingrecon.ingest.rows;

import static com.billingrecon.domain.RejectReason.INVALID_AMOUNT;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The row rules of a payment (payments-*.csv) that need no history, in the SPEC's order: MALFORMED,
 * MISSING_ID, UNKNOWN_ACCOUNT, INVALID_AMOUNT (also when not above zero), CURRENCY_MISMATCH, INVALID_DATE,
 * FUTURE_EVENT. {@code method} and {@code invoice_ref} are free text.
 */
public final class PaymentRowValidator {

    private final AccountLookup accounts;

    public PaymentRowValidator(AccountLookup accounts) {
        this.accounts = accounts;
    }

    public ValidatedRow<PaymentRecord> check(SourceRow row) {
        return FieldRules.check(row, this::parse);
    }

    private PaymentRecord parse(SourceRow row) {
        String paymentId = FieldRules.id(row, "payment_id");
        String accountId = row.value("account_id");
        String accountCurrency = FieldRules.accountCurrency(accounts, accountId);
        BigDecimal amount = FieldRules.amount(row, "amount");
        if (amount.signum() <= 0) {
            throw new RowRejected(INVALID_AMOUNT, "amount " + FieldRules.quoted(row.value("amount")) + " is not above zero");
        }
        String currency = FieldRules.sameCurrency(row.value("currency"), accountCurrency);
        LocalDate paymentDate = FieldRules.date("payment_date", row.value("payment_date"));
        FieldRules.notAfterBusinessDate("payment_date", paymentDate, row.businessDate());
        return new PaymentRecord(paymentId, accountId, paymentDate, amount, currency, row.value("method"),
                row.value("invoice_ref"), row.fingerprint());
    }
}
