package com.billingrecon.ingest;

import com.billingrecon.domain.FileKind;
import com.billingrecon.ingest.ledger.CdrLedger;
import com.billingrecon.ingest.ledger.ChargeLedger;
import com.billingrecon.ingest.ledger.LedgerKind;
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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** The steps that take a business day's files in: accounts, file registration, then one chunk step per kind. */
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
    public AccountsLoadTasklet accountsLoadTasklet(@Value(INPUT_DIR) String inputDir, InputFileStore store,
                                                   JdbcTemplate jdbc) {
        return new AccountsLoadTasklet(new InputDirectory(Path.of(inputDir)), store, jdbc);
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
    public Step cdrIngestion(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                             DayFileRowReader<EncodedRow<CdrRecord>> cdrReader, CdrLedger ledger, InputFileStore store,
                             StepLog stepLog) {
        return ingestion("cdrIngestion", jobRepository, transactionManager, cdrReader,
                new LedgerWriter<>(ledger, store), stepLog);
    }

    @Bean
    public Step chargeIngestion(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                DayFileRowReader<EncodedRow<ChargeRecord>> chargeReader, ChargeLedger ledger,
                                InputFileStore store, StepLog stepLog) {
        return ingestion("chargeIngestion", jobRepository, transactionManager, chargeReader,
                new LedgerWriter<>(ledger, store), stepLog);
    }

    @Bean
    public Step paymentIngestion(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                 DayFileRowReader<EncodedRow<PaymentRecord>> paymentReader, PaymentLedger ledger,
                                 InputFileStore store, StepLog stepLog) {
        return ingestion("paymentIngestion", jobRepository, transactionManager, paymentReader,
                new LedgerWriter<>(ledger, store), stepLog);
    }

    @Bean
    @StepScope
    public DayFileRowReader<EncodedRow<CdrRecord>> cdrReader(@Value(INPUT_DIR) String inputDir,
                                                           @Value(BUSINESS_DATE) LocalDate day, @Value(ZONE) String zone,
                                                           InputFileStore store, JdbcTemplate jdbc, CdrLedger ledger) {
        CdrRowValidator validator = new CdrRowValidator(new AccountCurrencies(jdbc), ZoneId.of(zone));
        return reader(FileKind.CDR, inputDir, day, store, validator::check, ledger, "cdrRows");
    }

    @Bean
    @StepScope
    public DayFileRowReader<EncodedRow<ChargeRecord>> chargeReader(@Value(INPUT_DIR) String inputDir,
                                                                 @Value(BUSINESS_DATE) LocalDate day,
                                                                 InputFileStore store, JdbcTemplate jdbc,
                                                                 ChargeLedger ledger) {
        ChargeRowValidator validator = new ChargeRowValidator(new AccountCurrencies(jdbc));
        return reader(FileKind.CHARGES, inputDir, day, store, validator::check, ledger, "chargesRows");
    }

    @Bean
    @StepScope
    public DayFileRowReader<EncodedRow<PaymentRecord>> paymentReader(@Value(INPUT_DIR) String inputDir,
                                                                   @Value(BUSINESS_DATE) LocalDate day,
                                                                   InputFileStore store, JdbcTemplate jdbc,
                                                                   PaymentLedger ledger) {
        PaymentRowValidator validator = new PaymentRowValidator(new AccountCurrencies(jdbc));
        return reader(FileKind.PAYMENTS, inputDir, day, store, validator::check, ledger, "paymentsRows");
    }

    private static <T> Step ingestion(String name, JobRepository jobRepository,
                                      PlatformTransactionManager transactionManager,
                                      DayFileRowReader<EncodedRow<T>> reader, LedgerWriter<T, ?> writer,
                                      StepLog stepLog) {
        return new StepBuilder(name, jobRepository)
                .<List<EncodedRow<T>>, List<EncodedRow<T>>>chunk(CHUNK_SIZE / BLOCK_ROWS)
                .transactionManager(transactionManager)
                .reader(reader)
                .writer(writer)
                .listener(stepLog)
                .build();
    }

    /** The day's taken-in files of a kind, each row checked and encoded on the read-ahead thread. */
    private static <T> DayFileRowReader<EncodedRow<T>> reader(FileKind kind, String inputDir, LocalDate day,
                                                           InputFileStore store,
                                                           Function<SourceRow, ValidatedRow<T>> checks,
                                                           LedgerKind<T, ?> ledger, String name) {
        DayFileRows rows = new DayFileRows(new InputDirectory(Path.of(inputDir)), kind, day, store.takenIn(day, kind));
        return new DayFileRowReader<>(rows, EncodedRow.by(checks, ledger), BLOCK_ROWS, name);
    }
}
