package com.billingrecon.ingest.rows;

import static com.billingrecon.ingest.rows.TestRows.charge;
import static org.assertj.core.api.Assertions.assertThat;

import com.billingrecon.domain.FileKind;
import com.billingrecon.domain.RejectReason;
import com.billingrecon.ingest.rows.ChargeRecord.ChargeType;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ChargeRowValidatorTest {

    private final ChargeRowValidator validator = new ChargeRowValidator(TestRows.ACCOUNTS);

    private RejectReason reasonFor(SourceRow row) {
        return validator.check(row).reason();
    }

    @Test
    void validRowBecomesARecord() {
        SourceRow row = charge();

        assertThat(validator.check(row).record()).isEqualTo(new ChargeRecord("C1", "A1", ChargeType.SUBSCRIPTION,
                LocalDate.of(2026, 10, 1), new BigDecimal("39.90"), "SGD", "plan", row.fingerprint()));
    }

    @Test
    void negativeAmountIsACreditNotAReject() {
        assertThat(validator.check(charge("amount", "-15.5")).record().amount()).isEqualByComparingTo("-15.5");
    }

    @Test
    void malformedRowIsRejectedWithItsDetail() {
        ValidatedRow<ChargeRecord> checked = validator.check(TestRows.malformed(FileKind.CHARGES));

        assertThat(checked.reason()).isEqualTo(RejectReason.MALFORMED);
        assertThat(checked.detail()).isEqualTo("2 fields, header has 8");
    }

    @Test
    void emptyChargeIdIsMissingId() {
        assertThat(reasonFor(charge("charge_id", "", "account_id", "X"))).isEqualTo(RejectReason.MISSING_ID);
        assertThat(validator.check(charge("charge_id", "")).detail()).isEqualTo("charge_id is empty");
    }

    @Test
    void unknownAccountIsRejectedBeforeAmount() {
        assertThat(reasonFor(charge("account_id", "A9", "amount", "x"))).isEqualTo(RejectReason.UNKNOWN_ACCOUNT);
    }

    @Test
    void amountNotADecimalOrWithMoreThanSixFractionalDigitsIsInvalidAmount() {
        assertThat(reasonFor(charge("amount", "5.", "currency", "EUR"))).isEqualTo(RejectReason.INVALID_AMOUNT);
        assertThat(reasonFor(charge("amount", "-1.0000001"))).isEqualTo(RejectReason.INVALID_AMOUNT);
        assertThat(validator.check(charge("amount", "-1.000001")).isValid()).isTrue();
    }

    @Test
    void currencyOtherThanTheAccountsIsCurrencyMismatchBeforeType() {
        assertThat(reasonFor(charge("currency", "JPY", "type", "x"))).isEqualTo(RejectReason.CURRENCY_MISMATCH);
        assertThat(validator.check(charge("account_id", "J1", "currency", "JPY")).isValid()).isTrue();
    }

    @Test
    void typeNotExactlyOneOfTheEnumeratedValuesIsInvalidTypeBeforeDate() {
        assertThat(reasonFor(charge("type", "Addon", "charge_date", "x"))).isEqualTo(RejectReason.INVALID_TYPE);
        assertThat(validator.check(charge("type", "HARDWARE")).record().type()).isEqualTo(ChargeType.HARDWARE);
    }

    @Test
    void chargeDateNotAStrictRealDateIsInvalidDate() {
        assertThat(reasonFor(charge("charge_date", "2026-09-31"))).isEqualTo(RejectReason.INVALID_DATE);
        assertThat(reasonFor(charge("charge_date", "2026-10-01T00:00:00"))).isEqualTo(RejectReason.INVALID_DATE);
        assertThat(reasonFor(charge("charge_date", "05/10/2026"))).isEqualTo(RejectReason.INVALID_DATE);
        assertThat(validator.check(charge("charge_date", "")).detail())
                .isEqualTo("charge_date \"\" is not a real YYYY-MM-DD date");
    }

    @Test
    void chargeDateAfterTheFilesBusinessDateIsFutureEvent() {
        assertThat(reasonFor(charge("charge_date", "2026-10-06"))).isEqualTo(RejectReason.FUTURE_EVENT);
        assertThat(validator.check(charge("charge_date", "2026-10-05")).isValid()).isTrue();
    }
}
