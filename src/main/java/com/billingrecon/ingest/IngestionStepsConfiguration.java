package com.billingrecon.ingest;

import com.billingrecon.domain.FileKind;
import com.billingrecon.ingest.ledger.CdrLedger;
import com.billingrecon.ingest.ledger.ChargeLedger;
import com.billingrecon.ingest.ledger.LedgerWriter;
import com.billingrecon.ingest.ledger.PaymentLedger;
import com.billingrecon.ingest.ledger.EncodedRow;
import com.billingrecon.ingest.rows.CdrRecord;
import com.billingrecon.ingest.rows.CdrRowValidator;
import com.billingrecon.ingest.rows.ChargeRecord;
import com.billingrecon.ingest.rows.ChargeRowValidator;
import com.billingrecon.ingest.rows.ValidatedRow;
import com.billingrecon.ingest.rows.PaymentRecord;
import com.billingrecon.ingest.rows.PaymentRowValidator;
import com.billingrecon.ingest.rows.SourceRow;
import com.billingrecon.job.DayParameters;
import com.billingrecon.job.StepLog;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The steps that take a business day's files in: accounts, file registration, then one chunk step per kind
 * of file, each built by {@link #ingestion} from the kind's {@link DayFileIngestion}.
 */
@Configuration
public class IngestionStepsConfiguration {

    /**
     * Rows per transaction: large enough to amortise the per-commit cost (job repository, lookup of
     * the chunk's ids, COPY start); 5,000 measured faster than 2,000 and as fast as 10,000 with less memory.
     */
    public static final int CHUNK_SIZE = 5000;

    /** Rows per item: the framework's per-item work is paid once per block. It divides CHUNK_SIZE. */
    static final int BLOCK_ROWS = 500;

    private static final String INPUT_DIR = DayParameters.INPUT_DIR_VALUE;
    private static final String BUSINESS_DATE = DayParameters.BUSINESS_DATE_VALUE;
    private static final String ZONE = DayParameters.BILLING_ZONE_VALUE;

    @Bean
    public Step accountsLoad(JobRepository jobRepository, PlatformTransactionManager transactionManager, AccountsLoadTasklet accountsLoadTasklet) {
        return new StepBuilder("accountsLoad", jobRepository)
                .tasklet(accountsLoadTasklet, transactionManager).build();
    }

    @Bean
    @StepScope
    public AccountsLoadTasklet accountsLoadTasklet(@Value(INPUT_DIR) String inputDir, AccountMaster accounts) {
        return new AccountsLoadTasklet(new InputDirectory(Path.of(inputDir)), accounts);
    }

    @Bean
    public Step filePreparation(JobRepository jobRepository, PlatformTransactionManager transactionManager, FilePreparationTasklet filePreparationTasklet) {
        return new StepBuilder("filePreparation", jobRepository)
                .tasklet(filePreparationTasklet, transactionManager).build();
    }

    @Bean
    @StepScope
    public FilePreparationTasklet filePreparationTasklet(
            @Value(INPUT_DIR) String inputDir, @Value(BUSINESS_DATE) LocalDate businessDate,
            @Value(DayParameters.RUN_DATE_VALUE) LocalDate runDate,
            @Value(DayParameters.PREVIOUS_RUN_DATE_VALUE) LocalDate previousRunDate,
            InputFileStore store) {
        return new FilePreparationTasklet(new InputDirectory(Path.of(inputDir)), store, businessDate, runDate,
                previousRunDate);
    }

    @Bean
    public CdrLedger cdrLedger(JdbcTemplate jdbc) {
        return new CdrLedger(jdbc);
    }

    @Bean
    public ChargeLedger chargeLedger(JdbcTemplate jdbc) {
        return new ChargeLedger(jdbc);
    }

    @Bean
    public PaymentLedger paymentLedger(JdbcTemplate jdbc) {
        return new PaymentLedger(jdbc);
    }

    @Bean
    public DayFileIngestion<CdrRecord> cdrFiles(CdrLedger ledger) {
        return new DayFileIngestion<>(FileKind.CDR, "cdrIngestion",
                (accounts, zone) -> new CdrRowValidator(accounts, zone)::check, ledger);
    }

    @Bean
    public DayFileIngestion<ChargeRecord> chargeFiles(ChargeLedger ledger) {
        return new DayFileIngestion<>(FileKind.CHARGES, "chargeIngestion",
                (accounts, zone) -> new ChargeRowValidator(accounts)::check, ledger);
    }

    @Bean
    public DayFileIngestion<PaymentRecord> paymentFiles(PaymentLedger ledger) {
        return new DayFileIngestion<>(FileKind.PAYMENTS, "paymentIngestion",
                (accounts, zone) -> new PaymentRowValidator(accounts)::check, ledger);
    }

    @Bean
    public Step cdrIngestion(DayFileIngestion<CdrRecord> cdrFiles, DayFileRowReader<EncodedRow<CdrRecord>> cdrReader,
                             JobRepository jobRepository, PlatformTransactionManager transactionManager,
                             InputFileStore store, StepLog stepLog) {
        return ingestion(cdrFiles, cdrReader, jobRepository, transactionManager, store, stepLog);
    }

    @Bean
    public Step chargeIngestion(DayFileIngestion<ChargeRecord> chargeFiles,
                                DayFileRowReader<EncodedRow<ChargeRecord>> chargeReader, JobRepository jobRepository,
                                PlatformTransactionManager transactionManager, InputFileStore store, StepLog stepLog) {
        return ingestion(chargeFiles, chargeReader, jobRepository, transactionManager, store, stepLog);
    }

    @Bean
    public Step paymentIngestion(DayFileIngestion<PaymentRecord> paymentFiles,
                                 DayFileRowReader<EncodedRow<PaymentRecord>> paymentReader, JobRepository jobRepository,
                                 PlatformTransactionManager transactionManager, InputFileStore store, StepLog stepLog) {
        return ingestion(paymentFiles, paymentReader, jobRepository, transactionManager, store, stepLog);
    }

    @Bean
    @StepScope
    public DayFileRowReader<EncodedRow<CdrRecord>> cdrReader(DayFileIngestion<CdrRecord> cdrFiles,
                                                           @Value(INPUT_DIR) String inputDir,
                                                           @Value(BUSINESS_DATE) LocalDate day, @Value(ZONE) String zone,
                                                           InputFileStore store, JdbcTemplate jdbc) {
        return reader(cdrFiles, inputDir, day, zone, store, jdbc);
    }

    @Bean
    @StepScope
    public DayFileRowReader<EncodedRow<ChargeRecord>> chargeReader(DayFileIngestion<ChargeRecord> chargeFiles,
                                                                 @Value(INPUT_DIR) String inputDir,
                                                                 @Value(BUSINESS_DATE) LocalDate day,
                                                                 @Value(ZONE) String zone,
                                                                 InputFileStore store, JdbcTemplate jdbc) {
        return reader(chargeFiles, inputDir, day, zone, store, jdbc);
    }

    @Bean
    @StepScope
    public DayFileRowReader<EncodedRow<PaymentRecord>> paymentReader(DayFileIngestion<PaymentRecord> paymentFiles,
                                                                   @Value(INPUT_DIR) String inputDir,
                                                                   @Value(BUSINESS_DATE) LocalDate day,
                                                                   @Value(ZONE) String zone,
                                                                   InputFileStore store, JdbcTemplate jdbc) {
        return reader(paymentFiles, inputDir, day, zone, store, jdbc);
    }

    /** The chunk step of a kind of file: blocks of prepared rows in, the ledger's decisions and rows out. */
    private static <T> Step ingestion(DayFileIngestion<T> files, DayFileRowReader<EncodedRow<T>> reader,
                                      JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                      InputFileStore store, StepLog stepLog) {
        return chunkStep(files.stepName(), reader, new LedgerWriter<>(files.ledger(), store), jobRepository,
                transactionManager, stepLog);
    }

    /** An ingestion chunk step by name: a partition's step is one too, with its own reader and counts. */
    public static <T> Step chunkStep(String name, DayFileRowReader<EncodedRow<T>> reader,
                                     ItemWriter<List<EncodedRow<T>>> writer,
                                     JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                     StepLog stepLog) {
        return new StepBuilder(name, jobRepository)
                .<List<EncodedRow<T>>, List<EncodedRow<T>>>chunk(CHUNK_SIZE / BLOCK_ROWS)
                .transactionManager(transactionManager)
                .reader(reader)
                .writer(writer)
                .listener(stepLog)
                .build();
    }

    /**
     * The day's taken-in files of a kind, each row checked by the rules that need no history and encoded
     * as its ledger line on the read-ahead thread.
     */
    private static <T> DayFileRowReader<EncodedRow<T>> reader(DayFileIngestion<T> files, String inputDir,
                                                           LocalDate day, String zone, InputFileStore store,
                                                           JdbcTemplate jdbc) {
        return rowReader(files, dayFiles(files, inputDir, day, store), zone, jdbc);
    }

    /** The day's taken-in files of a kind, in processing order. */
    public static DayFileRows dayFiles(DayFileIngestion<?> files, String inputDir, LocalDate day, InputFileStore store) {
        return new DayFileRows(new InputDirectory(Path.of(inputDir)), files.kind(), day, store.toRead(day, files.kind()));
    }

    /** The row rules that need no history, made for a step from the accepted accounts and the billing zone. */
    public static <T> Function<SourceRow, ValidatedRow<T>> checks(DayFileIngestion<T> files, String zone,
                                                                 JdbcTemplate jdbc) {
        return files.validator().apply(new AccountCurrencies(jdbc), ZoneId.of(zone));
    }

    /** Rows of a kind from {@code rows}, each checked and encoded as its ledger line on the read-ahead thread. */
    public static <T> DayFileRowReader<EncodedRow<T>> rowReader(DayFileIngestion<T> files, RowSource rows, String zone,
                                                               JdbcTemplate jdbc) {
        return new DayFileRowReader<>(rows, EncodedRow.by(checks(files, zone, jdbc), files.ledger()), BLOCK_ROWS,
                files.readerName());
    }
}
