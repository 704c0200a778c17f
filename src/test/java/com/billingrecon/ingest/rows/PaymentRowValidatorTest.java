package com.billingrecon.ingest.rows;

import static com.billingrecon.ingest.rows.TestRows.payment;
import static org.assertj.core.api.Assertions.assertThat;

import com.billingrecon.domain.FileKind;
import com.billingrecon.domain.RejectReason;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PaymentRowValidatorTest {

    private final PaymentRowValidator validator = new PaymentRowValidator(TestRows.ACCOUNTS);

    private RejectReason reasonFor(SourceRow row) {
        return validator.check(row).reason();
    }

    @Test
    void validRowBecomesARecordWithFreeTextMethodAndInvoiceRef() {
        SourceRow row = payment("invoice_ref", "INV-A1-202609-C", "method", "");

        assertThat(validator.check(row).record()).isEqualTo(new PaymentRecord("P1", "A1", LocalDate.of(2026, 10, 4),
                new BigDecimal("100"), "SGD", "", "INV-A1-202609-C", row.fingerprint()));
    }

    @Test
    void malformedRowIsRejectedWithItsDetail() {
        assertThat(reasonFor(TestRows.malformed(FileKind.PAYMENTS))).isEqualTo(RejectReason.MALFORMED);
    }

    @Test
    void emptyPaymentIdIsMissingId() {
        assertThat(reasonFor(payment("payment_id", "", "amount", "0"))).isEqualTo(RejectReason.MISSING_ID);
    }

    @Test
    void unknownAccountIsUnknownAccount() {
        assertThat(reasonFor(payment("account_id", "A1 "))).isEqualTo(RejectReason.UNKNOWN_ACCOUNT);
    }

    @Test
    void paymentOfZeroOrLessIsInvalidAmountBeforeCurrency() {
        assertThat(reasonFor(payment("amount", "0", "currency", "EUR"))).isEqualTo(RejectReason.INVALID_AMOUNT);
        assertThat(reasonFor(payment("amount", "-0.000"))).isEqualTo(RejectReason.INVALID_AMOUNT);
        assertThat(reasonFor(payment("amount", "-5"))).isEqualTo(RejectReason.INVALID_AMOUNT);
        assertThat(validator.check(payment("amount", "0")).detail()).isEqualTo("amount \"0\" is not above zero");
        assertThat(validator.check(payment("amount", "0.000001")).isValid()).isTrue();
    }

    @Test
    void amountNotADecimalIsInvalidAmount() {
        assertThat(reasonFor(payment("amount", "1,000"))).isEqualTo(RejectReason.INVALID_AMOUNT);
        assertThat(reasonFor(payment("amount", "100.0000001"))).isEqualTo(RejectReason.INVALID_AMOUNT);
    }

    @Test
    void currencyOtherThanTheAccountsIsCurrencyMismatchBeforeDate() {
        assertThat(reasonFor(payment("currency", "", "payment_date", "x"))).isEqualTo(RejectReason.CURRENCY_MISMATCH);
    }

    @Test
    void paymentDateNotAStrictRealDateIsInvalidDate() {
        assertThat(reasonFor(payment("payment_date", "2026-02-29"))).isEqualTo(RejectReason.INVALID_DATE);
        assertThat(reasonFor(payment("payment_date", " 2026-10-04"))).isEqualTo(RejectReason.INVALID_DATE);
    }

    @Test
    void paymentDateAfterTheFilesBusinessDateIsFutureEvent() {
        assertThat(reasonFor(payment("payment_date", "2026-10-06"))).isEqualTo(RejectReason.FUTURE_EVENT);
    }
}
