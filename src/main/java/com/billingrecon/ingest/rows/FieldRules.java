package com.billingrecon.ingest.rows;

import static com.billingrecon.domain.RejectReason.CURRENCY_MISMATCH;
import static com.billingrecon.domain.RejectReason.FUTURE_EVENT;
import static com.billingrecon.domain.RejectReason.INVALID_AMOUNT;
import static com.billingrecon.domain.RejectReason.INVALID_DATE;
import static com.billingrecon.domain.RejectReason.MALFORMED;
import static com.billingrecon.domain.RejectReason.MISSING_ID;
import static com.billingrecon.domain.RejectReason.UNKNOWN_ACCOUNT;

import com.billingrecon.domain.Amounts;
import com.billingrecon.domain.RejectReason;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The row rules shared by the kinds of file; each returns the parsed value or throws {@link RowRejected}. */
final class FieldRules {

    private static final int MAX_SHOWN = 60;

    private FieldRules() {
    }

    /** Runs {@code rules} on a well-formed row; a malformed row is rejected before any rule. */
    static <T> ValidatedRow<T> check(SourceRow row, Function<SourceRow, T> rules) {
        if (row.malformed()) {
            return ValidatedRow.rejected(row, MALFORMED, row.malformedDetail());
        }
        try {
            return ValidatedRow.valid(row, rules.apply(row));
        } catch (RowRejected rejected) {
            return ValidatedRow.rejected(row, rejected.reason(), rejected.detail());
        }
    }

    static String id(SourceRow row, String column) {
        String id = row.value(column);
        if (id.isEmpty()) {
            throw new RowRejected(MISSING_ID, column + " is empty");
        }
        return id;
    }

    /** The currency of the row's account, which must be an accepted account. */
    static String accountCurrency(AccountLookup accounts, String accountId) {
        if (accountId.isEmpty()) {
            throw new RowRejected(UNKNOWN_ACCOUNT, "account_id is empty");
        }
        return accounts.currencyOf(accountId).orElseThrow(
                () -> new RowRejected(UNKNOWN_ACCOUNT, "account_id " + quoted(accountId) + " is not a known account"));
    }

    /** A strict decimal with at most six fractional digits. */
    static BigDecimal amount(SourceRow row, String column) {
        String text = row.value(column);
        return Amounts.parse(text).orElseThrow(() -> new RowRejected(INVALID_AMOUNT,
                column + " " + quoted(text) + (Amounts.isDecimalSyntax(text)
                        ? " has more than " + Amounts.MAX_SCALE + " fractional digits"
                        : " is not a decimal")));
    }

    static String sameCurrency(String currency, String accountCurrency) {
        if (!currency.equals(accountCurrency)) {
            throw new RowRejected(CURRENCY_MISMATCH,
                    "currency " + quoted(currency) + " is not the account's currency " + accountCurrency);
        }
        return currency;
    }

    /** An enumerated value, written exactly as the constant's name (upper case). */
    static <E extends Enum<E>> E constant(Class<E> type, String column, String text, RejectReason reason) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(text)) {
                return constant;
            }
        }
        String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
        throw new RowRejected(reason, column + " " + quoted(text) + " is not one of " + allowed);
    }

    static LocalDate date(String column, String text) {
        LocalDate date = StrictDate.parse(text);
        if (date == null) {
            throw new RowRejected(INVALID_DATE, column + " " + quoted(text) + " is not a real YYYY-MM-DD date");
        }
        return date;
    }

    /** An event may not be dated after the business date of the file that brings it. */
    static void notAfterBusinessDate(String what, LocalDate eventDate, LocalDate businessDate) {
        if (businessDate != null && eventDate.isAfter(businessDate)) {
            throw new RowRejected(FUTURE_EVENT, what + " " + eventDate + " is after the file's date " + businessDate);
        }
    }

    /** The value as a detail shows it; a long value is cut, the report's record column has it whole. */
    static String quoted(String text) {
        String shown = text.length() <= MAX_SHOWN ? text : text.substring(0, MAX_SHOWN) + "...";
        return '"' + shown + '"';
    }
}
