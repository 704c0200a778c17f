package com.billingrecon.job;

/**
 * Names of the job that closes one business day and of its parameters, with the {@code @Value} expressions
 * step-scoped beans read them by. The business day identifies an instance; the rest does not.
 */
public final class DayParameters {

    public static final String JOB_NAME = "nightlyClose";

    /** The business day the instance closes (identifying). */
    public static final String BUSINESS_DATE = "businessDate";
    /** The run date of the command that covers this day. */
    public static final String RUN_DATE = "runDate";
    /** The last run date before this command, absent on a first run: files dated on or before it are held. */
    public static final String PREVIOUS_RUN_DATE = "previousRunDate";
    /** Set when the day is replayed by a rerun (identifying): the day's folder is not written again. */
    public static final String RERUN_ID = "rerunId";
    public static final String INPUT_DIR = "inputDir";
    public static final String OUTPUT_DIR = "outputDir";
    public static final String BILLING_ZONE = "billingZone";
    /** Set when the day's CDRs are taken in as P partitions; fixed when the day starts, kept when it resumes. */
    public static final String PARTITIONS = "partitions";
    /** Where the partitions' bucket files are written (a folder every worker sees at the same path). */
    public static final String WORK_DIR = "workDir";

    public static final String BUSINESS_DATE_VALUE = "#{jobParameters['" + BUSINESS_DATE + "']}";
    public static final String RUN_DATE_VALUE = "#{jobParameters['" + RUN_DATE + "']}";
    public static final String PREVIOUS_RUN_DATE_VALUE = "#{jobParameters['" + PREVIOUS_RUN_DATE + "']}";
    public static final String RERUN_ID_VALUE = "#{jobParameters['" + RERUN_ID + "']}";
    public static final String INPUT_DIR_VALUE = "#{jobParameters['" + INPUT_DIR + "']}";
    public static final String OUTPUT_DIR_VALUE = "#{jobParameters['" + OUTPUT_DIR + "']}";
    public static final String BILLING_ZONE_VALUE = "#{jobParameters['" + BILLING_ZONE + "']}";
    public static final String PARTITIONS_VALUE = "#{jobParameters['" + PARTITIONS + "']}";
    public static final String WORK_DIR_VALUE = "#{jobParameters['" + WORK_DIR + "']}";

    private DayParameters() {
    }
}
