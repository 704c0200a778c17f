package com.billingrecon.ingest.ledger;

import com.billingrecon.ingest.rows.Checked;
import com.billingrecon.ingest.rows.SourceRow;
import java.util.function.Function;

/**
 * A row as the read-ahead thread leaves it for the ledger writer: checked by the rules that need no
 * history and, when valid, already encoded as its ledger line.
 */
public record Prepared<T>(Checked<T> checked, byte[] line) {

    public static <T> Function<SourceRow, Prepared<T>> by(Function<SourceRow, Checked<T>> checks, LedgerKind<T, ?> kind) {
        return row -> {
            Checked<T> checked = checks.apply(row);
            return new Prepared<>(checked, checked.isValid() ? kind.line(checked.record(), row) : null);
        };
    }
}
