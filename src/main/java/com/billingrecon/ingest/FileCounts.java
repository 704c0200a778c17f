package com.billingrecon.ingest;

import java.math.BigDecimal;

/** The control counts of one file within one chunk; added to the file's totals when the chunk commits. */
public final class FileCounts {

    private long rowsRead;
    private long accepted;
    private long duplicates;
    private long rejected;
    private BigDecimal acceptedAmount = BigDecimal.ZERO;

    public FileCounts() {
    }

    /** Counts summed elsewhere, e.g. over a day's partitions. */
    public FileCounts(long rowsRead, long accepted, long duplicates, long rejected, BigDecimal acceptedAmount) {
        this.rowsRead = rowsRead;
        this.accepted = accepted;
        this.duplicates = duplicates;
        this.rejected = rejected;
        this.acceptedAmount = acceptedAmount;
    }

    public void accepted(BigDecimal amount) {
        rowsRead++;
        accepted++;
        acceptedAmount = acceptedAmount.add(amount);
    }

    public void duplicate() {
        rowsRead++;
        duplicates++;
    }

    public void rejected() {
        rowsRead++;
        rejected++;
    }

    public long rowsRead() {
        return rowsRead;
    }

    public long acceptedCount() {
        return accepted;
    }

    public long duplicateCount() {
        return duplicates;
    }

    public long rejectedCount() {
        return rejected;
    }

    public BigDecimal acceptedAmount() {
        return acceptedAmount;
    }
}
