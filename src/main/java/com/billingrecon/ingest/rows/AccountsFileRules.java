package com.billingrecon.ingest.rows;

import com.billingrecon.domain.RejectReason;
import com.billingrecon.ingest.rows.IdRules.Prior;
import com.billingrecon.ingest.rows.IdRules.Verdict;
import java.util.HashMap;
import java.util.Map;

/**
 * The repeat rule of accounts.csv, within the one file: an identical repeat of an accepted row is a
 * duplicate; an account_id repeated with other content is ID_CONFLICT (the later row is rejected, the first
 * accepted one stands). Not thread-safe: one instance reads one file.
 */
public final class AccountsFileRules {

    /** The verdict on a valid account row; {@code detail} names the earlier row when there is a conflict. */
    public record Admission(Verdict verdict, String detail) {
    }

    private record Accepted(Prior prior, long line) {
    }

    private final Map<String, Accepted> acceptedById = new HashMap<>();

    /**
     * The row rule of the file applied to a checked row: a rejected row is returned as it is; a valid row is
     * returned as it is when accepted, as a rejected ID_CONFLICT row on a conflict, and as null when it is a
     * duplicate (counted, then ignored). {@link #admit} gives the same decision as a verdict.
     */
    public ValidatedRow<AccountRecord> apply(ValidatedRow<AccountRecord> checked) {
        if (!checked.isValid()) {
            return checked;
        }
        Admission admission = admit(checked);
        return switch (admission.verdict()) {
            case ACCEPT -> checked;
            case DUPLICATE -> null;
            default -> ValidatedRow.rejected(checked.row(), RejectReason.ID_CONFLICT, admission.detail());
        };
    }

    /** Decides a row that passed {@link AccountRowValidator}; an accepted row is remembered. */
    public Admission admit(ValidatedRow<AccountRecord> checked) {
        if (!checked.isValid()) {
            throw new IllegalArgumentException("only a valid row can be admitted, not one rejected " + checked.reason());
        }
        AccountRecord account = checked.record();
        Accepted earlier = acceptedById.get(account.accountId());
        Verdict verdict = IdRules.forOnce(earlier == null ? null : earlier.prior(), account.accountId(),
                account.fingerprint());
        return switch (verdict) {
            case ACCEPT -> {
                acceptedById.put(account.accountId(),
                        new Accepted(new Prior(account.accountId(), account.fingerprint()), checked.row().line()));
                yield new Admission(Verdict.ACCEPT, null);
            }
            case DUPLICATE -> new Admission(Verdict.DUPLICATE, null);
            default -> new Admission(Verdict.ID_CONFLICT, "account_id " + FieldRules.quoted(account.accountId())
                    + " was accepted on line " + earlier.line() + " with other content");
        };
    }
}
