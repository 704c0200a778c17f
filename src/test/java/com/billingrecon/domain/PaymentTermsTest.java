package com.billingrecon.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PaymentTermsTest {

    private final PaymentTerms terms = new PaymentTerms(30);

    @Test
    void dueDateIsTheIssueDatePlusTheAccountsOwnTermsWhenItHasThem() {
        assertThat(terms.dueDate(LocalDate.of(2026, 10, 1), 14)).isEqualTo(LocalDate.of(2026, 10, 15));
        assertThat(terms.dueDate(LocalDate.of(2026, 10, 1), 0)).isEqualTo(LocalDate.of(2026, 10, 1));
    }

    @Test
    void anAccountWithoutTermsGetsTheDefaultAcrossMonthEnds() {
        assertThat(terms.dueDate(LocalDate.of(2026, 1, 31), null)).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(terms.daysFor(null)).isEqualTo(30);
    }

    @Test
    void daysArePlainDigitsUpToTenYears() {
        assertThat(PaymentTerms.isDays("45")).isTrue();
        assertThat(PaymentTerms.isDays("3650")).isTrue();
        assertThat(PaymentTerms.isDays("3651")).isFalse();
        assertThat(PaymentTerms.isDays("-5")).isFalse();
        assertThat(PaymentTerms.isDays("")).isFalse();
        assertThatThrownBy(() -> new PaymentTerms(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
