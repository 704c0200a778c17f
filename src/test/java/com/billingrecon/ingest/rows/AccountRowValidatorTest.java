package com.billingrecon.ingest.rows;

import static com.billingrecon.ingest.rows.TestRows.account;
import static org.assertj.core.api.Assertions.assertThat;

import com.billingrecon.domain.FileKind;
import com.billingrecon.domain.InvoicingMode;
import com.billingrecon.domain.RejectReason;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AccountRowValidatorTest {

    private final AccountRowValidator validator = new AccountRowValidator();

    private RejectReason reasonFor(SourceRow row) {
        return validator.check(row).reason();
    }

    @Test
    void validRowBecomesARecordWithTheCurrencysMinorUnits() {
        SourceRow row = account();

        assertThat(validator.check(row).record()).isEqualTo(new AccountRecord("A1", "Tan, Ah Kow", "SGD",
                InvoicingMode.CONSOLIDATED_MONTHLY, new BigDecimal("500"), new BigDecimal("0.09"), 2, row.fingerprint(), null));
        assertThat(validator.check(account("currency", "JPY")).record().minorUnits()).isZero();
        assertThat(validator.check(account("currency", "BHD")).record().minorUnits()).isEqualTo(3);
    }

    @Test
    void malformedRowIsRejectedWithItsDetail() {
        assertThat(reasonFor(TestRows.malformed(FileKind.ACCOUNTS))).isEqualTo(RejectReason.MALFORMED);
    }

    @Test
    void emptyAccountIdIsMissingIdCheckedFirst() {
        ValidatedRow<AccountRecord> checked = validator.check(account("account_id", "", "invoicing_mode", "x",
                "currency", "x", "credit_limit", "x"));

        assertThat(checked.reason()).isEqualTo(RejectReason.MISSING_ID);
        assertThat(checked.detail()).isEqualTo("account_id is empty");
    }

    @Test
    void invoicingModeNotExactlyOneOfTheSeedsIsInvalidModeBeforeCurrency() {
        assertThat(reasonFor(account("invoicing_mode", "consolidated_monthly", "currency", "x"))).isEqualTo(RejectReason.INVALID_MODE);
        assertThat(reasonFor(account("invoicing_mode", ""))).isEqualTo(RejectReason.INVALID_MODE);
        assertThat(validator.check(account("invoicing_mode", "NO_INVOICE")).record().mode()).isEqualTo(InvoicingMode.NO_INVOICE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sgd", "SG", "SGDD", "ABC", "XXX", "XAU", "", " SGD", "S1D"})
    void currencyNotAnUpperCaseIsoCodeWithMinorUnitsIsInvalidCurrencyBeforeAmounts(String currency) {
        assertThat(reasonFor(account("currency", currency, "credit_limit", "x"))).isEqualTo(RejectReason.INVALID_CURRENCY);
    }

    @Test
    void creditLimitOrTaxRateNotAStrictNonNegativeDecimalIsInvalidAmount() {
        assertThat(reasonFor(account("credit_limit", "-1"))).isEqualTo(RejectReason.INVALID_AMOUNT);
        assertThat(reasonFor(account("credit_limit", "1e3"))).isEqualTo(RejectReason.INVALID_AMOUNT);
        assertThat(reasonFor(account("credit_limit", ""))).isEqualTo(RejectReason.INVALID_AMOUNT);
        assertThat(reasonFor(account("tax_rate", "0.0900001"))).isEqualTo(RejectReason.INVALID_AMOUNT);
        assertThat(reasonFor(account("tax_rate", "-0.01"))).isEqualTo(RejectReason.INVALID_AMOUNT);
        assertThat(validator.check(account("tax_rate", "-0.01")).detail()).isEqualTo("tax_rate \"-0.01\" is negative");
    }

    @Test
    void zeroAndLargeTaxRatesAreAccepted() {
        assertThat(validator.check(account("credit_limit", "0", "tax_rate", "-0")).isValid()).isTrue();
        assertThat(validator.check(account("tax_rate", "12.5")).isValid()).isTrue();
    }

    @Test
    void paymentTermsAreOptionalWholeDaysAndAnythingElseIsInvalidPaymentTerms() {
        assertThat(validator.check(account()).record().paymentTermsDays()).isNull();
        assertThat(validator.check(account("payment_terms_days", "14")).record().paymentTermsDays()).isEqualTo(14);
        assertThat(validator.check(account("payment_terms_days", "0")).record().paymentTermsDays()).isZero();
        for (String bad : new String[] {"-1", "+7", "7.0", " 7", "30d", "3651"}) {
            assertThat(reasonFor(account("payment_terms_days", bad))).as(bad).isEqualTo(RejectReason.INVALID_PAYMENT_TERMS);
        }
        // the other columns are checked first
        assertThat(reasonFor(account("payment_terms_days", "x", "tax_rate", "-1"))).isEqualTo(RejectReason.INVALID_AMOUNT);
    }
}
