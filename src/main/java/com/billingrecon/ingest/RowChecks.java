package com.billingrecon.ingest;

import com.billingrecon.ingest.rows.Checked;
import com.billingrecon.ingest.rows.SourceRow;
import java.util.function.Function;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/** The processor of an ingestion step: the row rules that need no history, from one validator. */
public class RowChecks<T> implements ItemProcessor<SourceRow, Checked<T>> {

    private final Function<SourceRow, Checked<T>> validator;

    public RowChecks(Function<SourceRow, Checked<T>> validator) {
        this.validator = validator;
    }

    @Override
    public Checked<T> process(SourceRow row) {
        return validator.apply(row);
    }
}
