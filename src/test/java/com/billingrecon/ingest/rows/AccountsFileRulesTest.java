package com.billingrecon.ingest.rows;

import static com.billingrecon.ingest.rows.TestRows.account;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.billingrecon.domain.RejectReason;
import com.billingrecon.ingest.rows.IdRules.Verdict;
import org.junit.jupiter.api.Test;

class AccountsFileRulesTest {

    private final AccountRowValidator validator = new AccountRowValidator();
    private final AccountsFileRules rules = new AccountsFileRules();

    private AccountsFileRules.Admission admit(SourceRow row) {
        return rules.admit(validator.check(row));
    }

    @Test
    void firstRowOfAnAccountIsAccepted() {
        assertThat(admit(account()).verdict()).isEqualTo(Verdict.ACCEPT);
        assertThat(admit(account("account_id", "A2")).verdict()).isEqualTo(Verdict.ACCEPT);
    }

    @Test
    void identicalRepeatOfAnAcceptedRowIsADuplicate() {
        admit(account());

        assertThat(admit(account()).verdict()).isEqualTo(Verdict.DUPLICATE);
    }

    @Test
    void repeatedAccountIdWithOtherContentIsIdConflictAndTheFirstRowStands() {
        admit(account());

        AccountsFileRules.Admission conflict = admit(account("credit_limit", "900"));

        assertThat(conflict.verdict()).isEqualTo(Verdict.ID_CONFLICT);
        assertThat(conflict.detail()).isEqualTo("account_id \"A1\" was accepted on line 2 with other content");
        assertThat(admit(account()).verdict()).isEqualTo(Verdict.DUPLICATE);
    }

    @Test
    void applyReturnsTheRowWhenAcceptedNullWhenDuplicateAndARejectOnConflict() {
        ValidatedRow<AccountRecord> first = validator.check(account());

        assertThat(rules.apply(first)).isSameAs(first);
        assertThat(rules.apply(validator.check(account()))).isNull();
        ValidatedRow<AccountRecord> conflict = rules.apply(validator.check(account("name", "other")));
        assertThat(conflict.reason()).isEqualTo(RejectReason.ID_CONFLICT);
        assertThat(conflict.row().value("name")).isEqualTo("other");
        ValidatedRow<AccountRecord> invalid = validator.check(account("currency", "xx"));
        assertThat(rules.apply(invalid)).isSameAs(invalid);
    }

    @Test
    void onlyValidRowsCanBeAdmitted() {
        assertThatThrownBy(() -> admit(account("currency", "xx"))).isInstanceOf(IllegalArgumentException.class);
    }
}
