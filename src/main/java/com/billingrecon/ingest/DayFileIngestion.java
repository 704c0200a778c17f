package com.billingrecon.ingest;

import com.billingrecon.domain.FileKind;
import com.billingrecon.ingest.ledger.LedgerKind;
import com.billingrecon.ingest.rows.AccountLookup;
import com.billingrecon.ingest.rows.ValidatedRow;
import com.billingrecon.ingest.rows.SourceRow;
import java.time.ZoneId;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One kind of day file as ingestion takes it in: the files of that kind, the step that reads them, the row
 * rules that need no history (made per step, from the accepted accounts and the billing zone), and the
 * ledger that decides on each id and stores the accepted rows.
 *
 * @param <T> the validated record
 */
public record DayFileIngestion<T>(FileKind kind, String stepName,
                                  BiFunction<AccountLookup, ZoneId, Function<SourceRow, ValidatedRow<T>>> validator,
                                  LedgerKind<T, ?> ledger) {

    /** The reader's name, the key of its restart state: {@code cdrRows}, {@code chargesRows}, {@code paymentsRows}. */
    public String readerName() {
        return kind.label() + "Rows";
    }
}
