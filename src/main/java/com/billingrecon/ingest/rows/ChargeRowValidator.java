package com.billingrecon.ingest.rows;

import static com.billingrecon.domain.RejectReason.INVALID_TYPE;

import com.billingrecon.ingest.rows.ChargeRecord.ChargeType;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The row rules of a non-usage charge (charges-*.csv) that need no history, in the SPEC's order: MALFORMED,
 * MISSING_ID, UNKNOWN_ACCOUNT, INVALID_AMOUNT, CURRENCY_MISMATCH, INVALID_TYPE, INVALID_DATE, FUTURE_EVENT.
 * A negative amount is a credit, so any sign is valid.
 */
public final class ChargeRowValidator {

    private final AccountLookup accounts;

    public ChargeRowValidator(AccountLookup accounts) {
        this.accounts = accounts;
    }

    public ValidatedRow<ChargeRecord> check(SourceRow row) {
        return FieldRules.check(row, this::parse);
    }

    private ChargeRecord parse(SourceRow row) {
        String chargeId = FieldRules.id(row, "charge_id");
        String accountId = row.value("account_id");
        String accountCurrency = FieldRules.accountCurrency(accounts, accountId);
        BigDecimal amount = FieldRules.amount(row, "amount");
        String currency = FieldRules.sameCurrency(row.value("currency"), accountCurrency);
        ChargeType type = FieldRules.constant(ChargeType.class, "type", row.value("type"), INVALID_TYPE);
        LocalDate chargeDate = FieldRules.date("charge_date", row.value("charge_date"));
        FieldRules.notAfterBusinessDate("charge_date", chargeDate, row.businessDate());
        return new ChargeRecord(chargeId, accountId, type, chargeDate, amount, currency, row.value("description"),
                row.fingerprint());
    }
}
