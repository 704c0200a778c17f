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

    public Checked<ChargeRecord> check(SourceRow row) {
        return RowRules.check(row, this::parse);
    }

    private ChargeRecord parse(SourceRow row) {
        String chargeId = RowRules.id(row, "charge_id");
        String accountId = row.value("account_id");
        String accountCurrency = RowRules.accountCurrency(accounts, accountId);
        BigDecimal amount = RowRules.amount(row, "amount");
        String currency = RowRules.sameCurrency(row.value("currency"), accountCurrency);
        ChargeType type = RowRules.constant(ChargeType.class, "type", row.value("type"), INVALID_TYPE);
        LocalDate chargeDate = RowRules.date("charge_date", row.value("charge_date"));
        RowRules.notAfterBusinessDate("charge_date", chargeDate, row.businessDate());
        return new ChargeRecord(chargeId, accountId, type, chargeDate, amount, currency, row.value("description"),
                row.fingerprint());
    }
}
