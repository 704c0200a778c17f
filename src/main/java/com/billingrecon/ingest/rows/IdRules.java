package com.billingrecon.ingest.rows;

import com.billingrecon.ingest.rows.CdrRecord.CdrStatus;

/**
 * The row rules that need history (SPEC §3), as pure decisions: the caller looks up the prior accepted
 * record of the id (ids are per kind; only accepted rows count) and applies the verdict. "Identical" means
 * equal fingerprints, i.e. the same text in every column.
 */
public final class IdRules {

    public enum Verdict { ACCEPT, DUPLICATE, ID_CONFLICT, ALREADY_FINAL }

    /** The latest accepted record of a CDR id. */
    public record PriorCdr(String accountId, CdrStatus status, String fingerprint) {
    }

    /** The accepted record of a charge or payment id (or of an account id within accounts.csv). */
    public record Prior(String accountId, String fingerprint) {
    }

    private IdRules() {
    }

    /**
     * A CDR id moves only ONGOING → ONGOING | COMPLETED | FAILED, on the same account; an identical repeat
     * of its latest record is a duplicate. A CDR may arrive final directly.
     *
     * @param prior the CDR's latest accepted record; null when none was ever accepted
     */
    public static Verdict forCdr(PriorCdr prior, CdrRecord candidate) {
        if (prior == null) {
            return Verdict.ACCEPT;
        }
        if (prior.fingerprint().equals(candidate.fingerprint())) {
            return Verdict.DUPLICATE;
        }
        if (!prior.accountId().equals(candidate.accountId())) {
            return Verdict.ID_CONFLICT;
        }
        if (prior.status().isFinal()) {
            return Verdict.ALREADY_FINAL;
        }
        return Verdict.ACCEPT;
    }

    /**
     * Charges and payments happen once: an identical repeat is a duplicate, any other reuse of the id (another
     * account or other content) is a conflict.
     *
     * @param prior the id's accepted record; null when none was ever accepted
     */
    public static Verdict forOnce(Prior prior, String accountId, String fingerprint) {
        if (prior == null) {
            return Verdict.ACCEPT;
        }
        if (prior.fingerprint().equals(fingerprint)) {
            return Verdict.DUPLICATE;
        }
        return Verdict.ID_CONFLICT; // whether prior.accountId() equals accountId or not
    }
}
