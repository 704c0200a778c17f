package com.billingrecon.ingest.partition;

import com.billingrecon.ingest.DayFileIngestion;
import com.billingrecon.ingest.DayFileRowReader;
import com.billingrecon.ingest.FileCounts;
import com.billingrecon.ingest.IngestionStepsConfiguration;
import com.billingrecon.ingest.InputFileStore;
import com.billingrecon.ingest.ledger.CdrLedger;
import com.billingrecon.ingest.ledger.EncodedRow;
import com.billingrecon.ingest.ledger.LedgerWriter;
import com.billingrecon.ingest.rows.CdrRecord;
import com.billingrecon.job.DayParameters;
import com.billingrecon.job.Partitioning;
import com.billingrecon.job.StepCounts;
import com.billingrecon.job.StepLog;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.builder.FlowBuilder;
import org.springframework.batch.core.job.flow.Flow;
import org.springframework.batch.core.job.flow.FlowExecutionStatus;
import org.springframework.batch.core.job.flow.JobExecutionDecider;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The day's CDR ingestion, as one step ({@code cdrIngestion}) or, when the day runs with {@code partitions}, as P
 * partitions of one remotely partitioned step: {@code cdrSplit} writes the buckets, {@code cdrIngestionManager}
 * sends one request per bucket through the JDBC channel and polls the job repository until every partition
 * ({@code cdrIngestionPartition}, run by the workers) has ended, {@code cdrPartitionCounts} adds the partitions'
 * counts to the files'.
 */
@Configuration
public class CdrPartitionConfiguration {

    public static final String PARTITION_STEP = "cdrIngestionPartition";
    private static final String PARTITIONED = "PARTITIONED";
    static final String PARTITION = "partition";
    static final String BUCKET = "bucket";

    private static final String BUSINESS_DATE = DayParameters.BUSINESS_DATE_VALUE;
    private static final String ZONE = DayParameters.BILLING_ZONE_VALUE;

    @Bean
    public Flow cdrIngestionFlow(Step cdrIngestion, Step cdrSplit, Step cdrIngestionManager, Step cdrPartitionCounts) {
        JobExecutionDecider partitioned = (job, step) -> new FlowExecutionStatus(
                job.getJobParameters().getLong(DayParameters.PARTITIONS) != null ? PARTITIONED : "ONE_STEP");
        return new FlowBuilder<Flow>("cdrIngestionFlow")
                .start(partitioned).on(PARTITIONED).to(cdrSplit).next(cdrIngestionManager).next(cdrPartitionCounts)
                .from(partitioned).on("*").to(cdrIngestion)
                .build();
    }

    @Bean
    public PartitionRequests partitionRequests(DataSource dataSource) {
        return new PartitionRequests(dataSource);
    }

    @Bean
    public PartitionCounts partitionCounts(JdbcTemplate jdbc) {
        return new PartitionCounts(jdbc);
    }

    /** A worker of this process or of another: it runs {@link #PARTITION_STEP} for the requests it takes. */
    @Bean
    public PartitionWorker partitionWorker(PartitionRequests partitionRequests, JobRepository jobRepository,
                                           Step cdrIngestionPartition,
                                           @Value("${" + Partitioning.POLL_INTERVAL_SETTING + ":500ms}") Duration poll) {
        return new PartitionWorker(partitionRequests, jobRepository, cdrIngestionPartition, poll);
    }

    @Bean
    public Step cdrSplit(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                         CdrSplitTasklet cdrSplitTasklet, StepLog stepLog) {
        return new StepBuilder("cdrSplit", jobRepository).tasklet(cdrSplitTasklet, transactionManager)
                .listener(stepLog).build();
    }

    @Bean
    @StepScope
    public CdrSplitTasklet cdrSplitTasklet(DayFileIngestion<CdrRecord> cdrFiles,
                                           @Value(DayParameters.INPUT_DIR_VALUE) String inputDir,
                                           @Value(BUSINESS_DATE) LocalDate day, @Value(ZONE) String zone,
                                           @Value(DayParameters.PARTITIONS_VALUE) Long partitions,
                                           @Value(DayParameters.WORK_DIR_VALUE) String workDir,
                                           InputFileStore store, CdrLedger ledger, JdbcTemplate jdbc) {
        return new CdrSplitTasklet(IngestionStepsConfiguration.dayFiles(cdrFiles, inputDir, day, store),
                buckets(workDir, day, partitions), IngestionStepsConfiguration.checks(cdrFiles, zone, jdbc), ledger);
    }

    @Bean
    public Step cdrIngestionManager(JobRepository jobRepository, CdrPartitioner cdrPartitioner,
                                    TimedPartitionHandler cdrPartitionHandler, StepLog stepLog) {
        return new StepBuilder("cdrIngestionManager", jobRepository)
                .partitioner(PARTITION_STEP, cdrPartitioner)
                .partitionHandler(cdrPartitionHandler)
                .listener(stepLog) // its time: the partitions' wall time; their rows are in cdrPartitionCounts' line
                .build();
    }

    @Bean
    @StepScope
    public CdrPartitioner cdrPartitioner(@Value(DayParameters.WORK_DIR_VALUE) String workDir,
                                         @Value(BUSINESS_DATE) LocalDate day,
                                         @Value(DayParameters.PARTITIONS_VALUE) Long partitions) {
        return new CdrPartitioner(buckets(workDir, day, partitions));
    }

    @Bean
    @StepScope
    public TimedPartitionHandler cdrPartitionHandler(
            PartitionRequests partitionRequests, JobRepository jobRepository,
            @Value(DayParameters.PARTITIONS_VALUE) Long partitions,
            @Value("${" + Partitioning.TIMEOUT_SETTING + ":1h}") Duration timeout,
            @Value("${" + Partitioning.POLL_INTERVAL_SETTING + ":500ms}") Duration poll) {
        return new TimedPartitionHandler(partitionRequests, jobRepository, PARTITION_STEP, partitions.intValue(),
                poll, timeout);
    }

    @Bean
    public Step cdrIngestionPartition(DayFileRowReader<EncodedRow<CdrRecord>> cdrPartitionReader,
                                      ItemWriter<List<EncodedRow<CdrRecord>>> cdrPartitionWriter,
                                      JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                      StepLog stepLog) {
        return IngestionStepsConfiguration.chunkStep(PARTITION_STEP, cdrPartitionReader, cdrPartitionWriter,
                jobRepository, transactionManager, stepLog);
    }

    @Bean
    @StepScope
    public DayFileRowReader<EncodedRow<CdrRecord>> cdrPartitionReader(
            DayFileIngestion<CdrRecord> cdrFiles, @Value("#{stepExecutionContext['" + BUCKET + "']}") String bucket,
            @Value(BUSINESS_DATE) LocalDate day, @Value(ZONE) String zone, JdbcTemplate jdbc) {
        return IngestionStepsConfiguration.rowReader(cdrFiles, new CdrBuckets.Rows(Path.of(bucket), day), zone, jdbc);
    }

    /** The ledger's writer, but each partition keeps its control counts apart. */
    @Bean
    @StepScope
    public ItemWriter<List<EncodedRow<CdrRecord>>> cdrPartitionWriter(
            CdrLedger cdrLedger, InputFileStore store, PartitionCounts partitionCounts,
            @Value(BUSINESS_DATE) LocalDate day, @Value("#{stepExecutionContext['" + PARTITION + "']}") Integer partition) {
        return new LedgerWriter<>(cdrLedger, store, counts -> partitionCounts.add(day, partition, counts));
    }

    @Bean
    public Step cdrPartitionCounts(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                   Tasklet cdrPartitionCountsTasklet, StepLog stepLog) {
        return new StepBuilder("cdrPartitionCounts", jobRepository)
                .tasklet(cdrPartitionCountsTasklet, transactionManager).listener(stepLog).build();
    }

    /** The partitions' counts into the files' counts; the day's totals in this step's log line; the buckets away. */
    @Bean
    @StepScope
    public Tasklet cdrPartitionCountsTasklet(PartitionCounts partitionCounts, InputFileStore store,
                                             @Value(BUSINESS_DATE) LocalDate day,
                                             @Value(DayParameters.WORK_DIR_VALUE) String workDir,
                                             @Value(DayParameters.PARTITIONS_VALUE) Long partitions) {
        return (contribution, chunk) -> {
            Map<String, FileCounts> sums = partitionCounts.sumInto(day, store);
            ExecutionContext context = chunk.getStepContext().getStepExecution().getExecutionContext();
            context.putLong(StepCounts.READ, sums.values().stream().mapToLong(FileCounts::rowsRead).sum());
            context.putLong(StepCounts.ACCEPTED, sums.values().stream().mapToLong(FileCounts::acceptedCount).sum());
            context.putLong(StepCounts.DUPLICATES, sums.values().stream().mapToLong(FileCounts::duplicateCount).sum());
            context.putLong(StepCounts.REJECTED, sums.values().stream().mapToLong(FileCounts::rejectedCount).sum());
            buckets(workDir, day, partitions).delete();
            return RepeatStatus.FINISHED;
        };
    }

    /** The day's buckets: one folder per business day under the work folder. */
    static CdrBuckets buckets(String workDir, LocalDate day, Long partitions) {
        return new CdrBuckets(Path.of(workDir, "cdr-partitions", day.toString()), partitions.intValue());
    }
}
