package com.billingrecon.ingest.rows;

import static com.billingrecon.domain.RejectReason.INVALID_AMOUNT;
import static com.billingrecon.domain.RejectReason.INVALID_DATE;
import static com.billingrecon.domain.RejectReason.INVALID_DURATION;
import static com.billingrecon.domain.RejectReason.INVALID_STATUS;
import static com.billingrecon.domain.RejectReason.INVALID_TYPE;
import static com.billingrecon.domain.RejectReason.NEGATIVE_DURATION;
import static com.billingrecon.ingest.rows.FieldRules.quoted;

import com.billingrecon.domain.Amounts;
import com.billingrecon.ingest.rows.CdrRecord.CdrStatus;
import com.billingrecon.ingest.rows.CdrRecord.CdrType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The row rules of a usage record (cdr-*.csv) that need no history, in the SPEC's order: MALFORMED,
 * MISSING_ID, UNKNOWN_ACCOUNT, INVALID_AMOUNT, CURRENCY_MISMATCH, INVALID_TYPE, INVALID_STATUS, INVALID_DATE,
 * NEGATIVE_DURATION, INVALID_DURATION, FUTURE_EVENT.
 */
public final class CdrRowValidator {

    /** More digits than this might not fit in a long, so they take the exact (slower) path. */
    private static final int SAFE_LONG_DIGITS = 18;

    private final AccountLookup accounts;
    private final StartTimeParser startTimes;

    public CdrRowValidator(AccountLookup accounts, ZoneId billingZone) {
        this.accounts = accounts;
        this.startTimes = new StartTimeParser(billingZone);
    }

    public ValidatedRow<CdrRecord> check(SourceRow row) {
        return FieldRules.check(row, this::parse);
    }

    private CdrRecord parse(SourceRow row) {
        String cdrId = FieldRules.id(row, "cdr_id");
        String accountId = row.value("account_id");
        String accountCurrency = FieldRules.accountCurrency(accounts, accountId);
        BigDecimal amount = FieldRules.amount(row, "amount");
        if (amount.signum() < 0) {
            throw new RowRejected(INVALID_AMOUNT, "amount " + quoted(row.value("amount")) + " is negative");
        }
        String currency = FieldRules.sameCurrency(row.value("currency"), accountCurrency);
        CdrType type = FieldRules.constant(CdrType.class, "type", row.value("type"), INVALID_TYPE);
        CdrStatus status = FieldRules.constant(CdrStatus.class, "status", row.value("status"), INVALID_STATUS);
        String startTime = row.value("start_time");
        StartTimeParser.ZoneTime zoneTime = startTimes.zoneTime(startTime);
        if (zoneTime == null) {
            throw new RowRejected(INVALID_DATE, "start_time " + quoted(startTime) + " is not a valid date-time");
        }
        long duration = durationSeconds(row.value("duration_s"));
        FieldRules.notAfterBusinessDate("start_time's date", zoneTime.date(), row.businessDate());
        return new CdrRecord(cdrId, accountId, type, zoneTime.wallClock(), zoneTime.date(), duration, amount, currency, status,
                row.fingerprint());
    }

    /**
     * Whole seconds {@code [+-]digits}, empty meaning 0. Any decimal below zero is NEGATIVE_DURATION (so
     * {@code -1.5} is negative, not invalid); anything else that is not a whole number fitting a long is
     * INVALID_DURATION ({@code 60.0} included; {@code -0} and {@code +60} are whole).
     */
    static long durationSeconds(String text) {
        if (text.isEmpty()) {
            return 0;
        }
        if (isShortWholeNumber(text)) {
            long value = Long.parseLong(text);
            if (value < 0) {
                throw negative(text);
            }
            return value;
        }
        if (!Amounts.isDecimalSyntax(text)) {
            throw new RowRejected(INVALID_DURATION, "duration_s " + quoted(text) + " is not a whole number");
        }
        BigDecimal value = new BigDecimal(text);
        if (value.signum() < 0) {
            throw negative(text);
        }
        if (text.indexOf('.') >= 0) {
            throw new RowRejected(INVALID_DURATION, "duration_s " + quoted(text) + " is not a whole number");
        }
        try {
            return value.longValueExact();
        } catch (ArithmeticException e) {
            throw new RowRejected(INVALID_DURATION, "duration_s " + quoted(text) + " is too large");
        }
    }

    private static RowRejected negative(String text) {
        return new RowRejected(NEGATIVE_DURATION, "duration_s " + quoted(text) + " is negative");
    }

    /** {@code [+-]digits} with few enough digits to be parsed as a long without overflow. */
    private static boolean isShortWholeNumber(String text) {
        int start = text.charAt(0) == '+' || text.charAt(0) == '-' ? 1 : 0;
        int digits = text.length() - start;
        if (digits < 1 || digits > SAFE_LONG_DIGITS) {
            return false;
        }
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
