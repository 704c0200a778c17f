package com.billingrecon.ingest.ledger;

import com.billingrecon.ingest.rows.IdRules;
import com.billingrecon.ingest.rows.SourceRow;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What the ledger writer needs to know of one kind of record: its id, what was accepted before under
 * that id, the stateful row rule, and how accepted records are encoded and stored.
 *
 * @param <T> the validated record
 * @param <P> what is remembered of the latest accepted record of an id
 */
public interface LedgerKind<T, P> {

    String id(T record);

    /** The latest accepted record of each of these ids that has one. */
    Map<String, P> priors(Collection<String> ids);

    IdRules.Verdict decide(P prior, T record);

    /** What the record leaves behind as the latest accepted one of its id. */
    P remember(T record);

    /** The control amount of an accepted row. */
    BigDecimal amount(T record);

    /** A human reason for an ID_CONFLICT or ALREADY_FINAL verdict. */
    String explain(IdRules.Verdict verdict, P prior, T record);

    /**
     * The record's row of its ledger table as a COPY line. It needs no history, so it is made on the
     * read-ahead thread, before the chunk's transaction.
     */
    byte[] line(T record, SourceRow row);

    /** Stores accepted records, in the order they were accepted. */
    void save(List<Accepted<T>> accepted);

    /**
     * Records the rows found duplicates, where a rerun must be able to decide them again without reading their
     * files (CDRs); other kinds keep only their counts.
     */
    default void saveDuplicates(List<Duplicate> duplicates) {
    }

    /** A row found a duplicate of its id's latest accepted record. */
    record Duplicate(SourceRow row, String id) {
    }

    /**
     * A record accepted in a chunk, with what it replaces as its id's latest accepted record: nothing
     * ({@link #NONE}), the one committed before the chunk ({@link #COMMITTED}), or the chunk's accepted
     * record at that index.
     */
    record Accepted<T>(T record, SourceRow row, byte[] line, int replaces) {
        public static final int NONE = -1;
        public static final int COMMITTED = -2;
    }
}
