package com.billingrecon.ingest.rows;

import com.billingrecon.domain.RejectReason;

/** A row after the row rules that need no history: either a parsed record or a reject reason. */
public record ValidatedRow<T>(SourceRow row, T record, RejectReason reason, String detail) {

    public static <T> ValidatedRow<T> valid(SourceRow row, T record) {
        return new ValidatedRow<>(row, record, null, null);
    }

    public static <T> ValidatedRow<T> rejected(SourceRow row, RejectReason reason, String detail) {
        return new ValidatedRow<>(row, null, reason, detail);
    }

    public boolean isValid() {
        return reason == null;
    }
}
