package com.billingrecon.job;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The night's CDR ingestion as P partitions ({@code nightly --partitions=P}).
 *
 * @param partitions   P, the number of partitions of a day that starts now (a resumed day keeps its own)
 * @param workDir      where the bucket files go: the data folder, or {@code --work-dir}, shared with the workers
 * @param localWorkers worker threads the command runs itself besides the manager (0: workers run elsewhere)
 * @param timeout      how long the manager waits for the day's partitions before it fails the day
 */
public record Partitioning(int partitions, Path workDir, int localWorkers, Duration timeout) {

    /** The settings the manager's step reads. */
    public static final String TIMEOUT_SETTING = "billing-recon.partitions.timeout";
    public static final String POLL_INTERVAL_SETTING = "billing-recon.partitions.poll-interval";
}
