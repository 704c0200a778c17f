package com.billingrecon.ingest.rows;

import static com.billingrecon.ingest.rows.TestRows.cdr;
import static org.assertj.core.api.Assertions.assertThat;

import com.billingrecon.ingest.rows.CdrRecord.CdrStatus;
import com.billingrecon.ingest.rows.IdRules.Prior;
import com.billingrecon.ingest.rows.IdRules.PriorCdr;
import com.billingrecon.ingest.rows.IdRules.Verdict;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class IdRulesTest {

    private final CdrRowValidator validator = new CdrRowValidator(TestRows.ACCOUNTS, ZoneId.of("UTC"));

    private CdrRecord candidate(String... changes) {
        return validator.check(cdr(changes)).record();
    }

    private static PriorCdr prior(CdrRecord record) {
        return new PriorCdr(record.accountId(), record.status(), record.fingerprint());
    }

    @Test
    void cdrNeverAcceptedBeforeIsAccepted() {
        assertThat(IdRules.forCdr(null, candidate())).isEqualTo(Verdict.ACCEPT);
        assertThat(IdRules.forCdr(null, candidate("status", "FAILED"))).isEqualTo(Verdict.ACCEPT);
    }

    @Test
    void identicalRepeatOfTheLatestAcceptedCdrRecordIsADuplicateEvenWhenFinal() {
        CdrRecord completed = candidate();

        assertThat(IdRules.forCdr(prior(completed), candidate())).isEqualTo(Verdict.DUPLICATE);
        CdrRecord ongoing = candidate("status", "ONGOING");
        assertThat(IdRules.forCdr(prior(ongoing), candidate("status", "ONGOING"))).isEqualTo(Verdict.DUPLICATE);
    }

    @Test
    void cdrIdSeenBeforeWithAnotherAccountIsIdConflictBeforeAlreadyFinal() {
        PriorCdr completedOnA1 = prior(candidate());

        assertThat(IdRules.forCdr(completedOnA1, candidate("account_id", "A2"))).isEqualTo(Verdict.ID_CONFLICT);
        PriorCdr ongoingOnA1 = prior(candidate("status", "ONGOING"));
        assertThat(IdRules.forCdr(ongoingOnA1, candidate("account_id", "A2"))).isEqualTo(Verdict.ID_CONFLICT);
    }

    @Test
    void otherRecordForACompletedOrFailedCdrIsAlreadyFinal() {
        for (CdrStatus finalStatus : new CdrStatus[] {CdrStatus.COMPLETED, CdrStatus.FAILED}) {
            PriorCdr prior = prior(candidate("status", finalStatus.name()));

            assertThat(IdRules.forCdr(prior, candidate("status", "ONGOING"))).isEqualTo(Verdict.ALREADY_FINAL);
            assertThat(IdRules.forCdr(prior, candidate("status", finalStatus.name(), "amount", "9")))
                    .isEqualTo(Verdict.ALREADY_FINAL);
        }
    }

    @Test
    void ongoingCdrMovesToOngoingCompletedOrFailed() {
        PriorCdr ongoing = prior(candidate("status", "ONGOING"));

        assertThat(IdRules.forCdr(ongoing, candidate("status", "ONGOING", "amount", "1"))).isEqualTo(Verdict.ACCEPT);
        assertThat(IdRules.forCdr(ongoing, candidate("status", "COMPLETED"))).isEqualTo(Verdict.ACCEPT);
        assertThat(IdRules.forCdr(ongoing, candidate("status", "FAILED"))).isEqualTo(Verdict.ACCEPT);
    }

    @Test
    void chargeOrPaymentIdNeverAcceptedBeforeIsAccepted() {
        assertThat(IdRules.forOnce(null, "A1", "f")).isEqualTo(Verdict.ACCEPT);
    }

    @Test
    void identicalRepeatOfAnAcceptedChargeOrPaymentIsADuplicate() {
        assertThat(IdRules.forOnce(new Prior("A1", "f"), "A1", "f")).isEqualTo(Verdict.DUPLICATE);
    }

    @Test
    void chargeOrPaymentIdRepeatedWithOtherContentOrAccountIsIdConflict() {
        assertThat(IdRules.forOnce(new Prior("A1", "f"), "A1", "g")).isEqualTo(Verdict.ID_CONFLICT);
        assertThat(IdRules.forOnce(new Prior("A1", "f"), "A2", "h")).isEqualTo(Verdict.ID_CONFLICT);
    }
}
