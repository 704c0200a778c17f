package com.billingrecon.ingest.ledger;

import com.billingrecon.ingest.rows.SourceRow;
import java.util.ArrayList;
import java.util.List;

/**
 * A ledger table's COPY columns, each named once beside how its value is written: the column list of the
 * COPY statement and the order of the values in each line both follow this one list.
 *
 * @param <T> the validated record a line is made from
 */
final class CopyColumns<T> {

    /** Writes one column's value of a record, read from the file at {@code row}. */
    interface Value<T> {
        void write(BulkCopy.Line line, T record, SourceRow row);
    }

    private final List<String> names = new ArrayList<>();
    private final List<Value<T>> values = new ArrayList<>();

    CopyColumns<T> column(String name, Value<T> value) {
        names.add(name);
        values.add(value);
        return this;
    }

    /** The column list of the COPY statement, in line order. */
    String names() {
        return String.join(", ", names);
    }

    /** The record's COPY line, its values in column order. */
    byte[] line(T record, SourceRow row) {
        BulkCopy.Line line = new BulkCopy.Line();
        for (Value<T> value : values) {
            value.write(line, record, row);
        }
        return line.end();
    }
}
