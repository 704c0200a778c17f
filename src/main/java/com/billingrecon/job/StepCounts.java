package com.billingrecon.job;

/**
 * Keys of the row counts a step keeps in its execution context. They are saved with each chunk, so a
 * restarted step goes on counting from them; {@link StepLog} reports them.
 */
public final class StepCounts {

    public static final String READ = "rows.read";
    public static final String ACCEPTED = "rows.accepted";
    public static final String DUPLICATES = "rows.duplicates";
    public static final String REJECTED = "rows.rejected";

    private StepCounts() {
    }
}
