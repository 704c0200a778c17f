package com.billingrecon.ingest.ledger;

import com.billingrecon.ingest.rows.ValidatedRow;
import com.billingrecon.ingest.rows.SourceRow;
import java.util.function.Function;

/**
 * A row as the read-ahead thread leaves it for the ledger writer: checked by the rules that need no
 * history and, when valid, already encoded as its ledger line.
 */
public record EncodedRow<T>(ValidatedRow<T> checked, byte[] line) {

    public static <T> Function<SourceRow, EncodedRow<T>> by(Function<SourceRow, ValidatedRow<T>> checks, LedgerKind<T, ?> kind) {
        return row -> {
            ValidatedRow<T> checked = checks.apply(row);
            return new EncodedRow<>(checked, checked.isValid() ? kind.line(checked.record(), row) : null);
        };
    }
}
