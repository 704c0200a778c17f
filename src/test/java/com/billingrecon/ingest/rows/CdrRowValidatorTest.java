package com.billingrecon.ingest.rows;

import static com.billingrecon.ingest.rows.TestRows.cdr;
import static org.assertj.core.api.Assertions.assertThat;

import com.billingrecon.domain.FileKind;
import com.billingrecon.domain.RejectReason;
import com.billingrecon.ingest.rows.CdrRecord.CdrStatus;
import com.billingrecon.ingest.rows.CdrRecord.CdrType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CdrRowValidatorTest {

    private final CdrRowValidator utc = new CdrRowValidator(TestRows.ACCOUNTS, ZoneId.of("UTC"));

    private RejectReason reasonFor(SourceRow row) {
        return utc.check(row).reason();
    }

    @Test
    void validRowBecomesARecordWithItsZoneEventDateAndFingerprint() {
        SourceRow row = cdr("start_time", "2026-10-05 01:00:00", "duration_s", "+60");

        ValidatedRow<CdrRecord> checked = new CdrRowValidator(TestRows.ACCOUNTS, ZoneId.of("Asia/Singapore")).check(row);

        assertThat(checked.isValid()).isTrue();
        assertThat(checked.record()).isEqualTo(new CdrRecord("U1", "A1", CdrType.CALL, "2026-10-05 01:00:00",
                LocalDate.of(2026, 10, 5), 60, new BigDecimal("0.204"), "SGD", CdrStatus.COMPLETED, row.fingerprint()));
    }

    @Test
    void malformedRowIsRejectedWithItsDetail() {
        ValidatedRow<CdrRecord> checked = utc.check(TestRows.malformed(FileKind.CDR));

        assertThat(checked.reason()).isEqualTo(RejectReason.MALFORMED);
        assertThat(checked.detail()).isEqualTo("2 fields, header has 8");
    }

    @Test
    void emptyCdrIdIsMissingIdBeforeAnyOtherRule() {
        assertThat(reasonFor(cdr("cdr_id", "", "account_id", "NOPE", "amount", "x"))).isEqualTo(RejectReason.MISSING_ID);
    }

    @Test
    void unknownOrEmptyAccountIsUnknownAccount() {
        ValidatedRow<CdrRecord> checked = utc.check(cdr("account_id", "a1", "amount", "x"));

        assertThat(checked.reason()).isEqualTo(RejectReason.UNKNOWN_ACCOUNT);
        assertThat(checked.detail()).isEqualTo("account_id \"a1\" is not a known account");
        assertThat(reasonFor(cdr("account_id", ""))).isEqualTo(RejectReason.UNKNOWN_ACCOUNT);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "12.5x|amount \"12.5x\" is not a decimal",
            "1.1234567|amount \"1.1234567\" has more than 6 fractional digits",
            "-0.01|amount \"-0.01\" is negative",
            "''|amount \"\" is not a decimal",
            "1e3|amount \"1e3\" is not a decimal",
            "' 1'|amount \" 1\" is not a decimal",
            ".5|amount \".5\" is not a decimal"})
    void badOrNegativeAmountIsInvalidAmountBeforeCurrency(String amount, String detail) {
        ValidatedRow<CdrRecord> checked = utc.check(cdr("amount", amount, "currency", "EUR"));

        assertThat(checked.reason()).isEqualTo(RejectReason.INVALID_AMOUNT);
        assertThat(checked.detail()).isEqualTo(detail);
    }

    @Test
    void minusZeroAmountIsNotNegative() {
        assertThat(utc.check(cdr("amount", "-0")).isValid()).isTrue();
        assertThat(utc.check(cdr("amount", "-0.000")).isValid()).isTrue();
    }

    @Test
    void currencyOtherThanTheAccountsExactTextIsCurrencyMismatch() {
        assertThat(reasonFor(cdr("currency", "sgd", "type", "x"))).isEqualTo(RejectReason.CURRENCY_MISMATCH);
        assertThat(reasonFor(cdr("currency", "JPY"))).isEqualTo(RejectReason.CURRENCY_MISMATCH);
        assertThat(reasonFor(cdr("currency", "garbage"))).isEqualTo(RejectReason.CURRENCY_MISMATCH);
        assertThat(utc.check(cdr("currency", "EUR")).detail()).isEqualTo("currency \"EUR\" is not the account's currency SGD");
    }

    @Test
    void typeNotExactlyOneOfTheEnumeratedValuesIsInvalidType() {
        assertThat(reasonFor(cdr("type", "call", "status", "x"))).isEqualTo(RejectReason.INVALID_TYPE);
        assertThat(reasonFor(cdr("type", "VOICE"))).isEqualTo(RejectReason.INVALID_TYPE);
        assertThat(utc.check(cdr("type", "NUMBER_ACTIVATION")).record().type()).isEqualTo(CdrType.NUMBER_ACTIVATION);
    }

    @Test
    void statusNotExactlyOneOfTheEnumeratedValuesIsInvalidStatusBeforeDate() {
        assertThat(reasonFor(cdr("status", "completed", "start_time", "x"))).isEqualTo(RejectReason.INVALID_STATUS);
        assertThat(reasonFor(cdr("status", ""))).isEqualTo(RejectReason.INVALID_STATUS);
        assertThat(utc.check(cdr("status", "ONGOING")).record().status()).isEqualTo(CdrStatus.ONGOING);
    }

    @Test
    void badStartTimeIsInvalidDateBeforeDuration() {
        ValidatedRow<CdrRecord> checked = utc.check(cdr("start_time", "2026-10-05t10:15:30", "duration_s", "-1"));

        assertThat(checked.reason()).isEqualTo(RejectReason.INVALID_DATE);
        assertThat(checked.detail()).contains("\"2026-10-05t10:15:30\"");
    }

    @ParameterizedTest
    @CsvSource({"-1", "-1.5", "-0.5", "-99999999999999999999999"})
    void durationInDecimalSyntaxBelowZeroIsNegativeDuration(String duration) {
        assertThat(reasonFor(cdr("duration_s", duration, "start_time", "2026-10-06T00:00:00"))).isEqualTo(RejectReason.NEGATIVE_DURATION);
    }

    @ParameterizedTest
    @CsvSource({"60.0", "1.5", "-0.0", "1e3", "' 60'", "abc", "+", "-", "99999999999999999999", "9223372036854775808"})
    void durationThatIsNotAWholeNumberFittingALongIsInvalidDurationBeforeFutureEvent(String duration) {
        assertThat(reasonFor(cdr("duration_s", duration, "start_time", "2026-10-06T00:00:00"))).isEqualTo(RejectReason.INVALID_DURATION);
    }

    @ParameterizedTest
    @CsvSource({"'',0", "+60,60", "-0,0", "0,0", "007,7", "9223372036854775807,9223372036854775807"})
    void wholeDurationsAndEmptyAreAccepted(String duration, long seconds) {
        assertThat(utc.check(cdr("duration_s", duration)).record().durationSeconds()).isEqualTo(seconds);
    }

    @Test
    void eventDateAfterTheFilesBusinessDateIsFutureEvent() {
        ValidatedRow<CdrRecord> checked = utc.check(cdr("start_time", "2026-10-06T00:00:00"));

        assertThat(checked.reason()).isEqualTo(RejectReason.FUTURE_EVENT);
        assertThat(checked.detail()).isEqualTo("start_time's date 2026-10-06 is after the file's date 2026-10-05");
        assertThat(utc.check(cdr("start_time", "2026-10-05T23:59:59")).isValid()).isTrue();
    }

    @Test
    void futureEventIsJudgedOnTheDateInTheBillingZone() {
        SourceRow row = cdr("start_time", "2026-10-05T20:00:00-04:00"); // 2026-10-06 00:00 UTC

        assertThat(utc.check(row).reason()).isEqualTo(RejectReason.FUTURE_EVENT);
        assertThat(new CdrRowValidator(TestRows.ACCOUNTS, ZoneId.of("America/New_York")).check(row).isValid()).isTrue();
    }
}
