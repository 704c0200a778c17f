package com.billingrecon.ingest;

import com.billingrecon.domain.FileKind;
import com.billingrecon.ingest.ledger.CdrLedger;
import com.billingrecon.ingest.ledger.ChargeLedger;
import com.billingrecon.ingest.ledger.LedgerWriter;
import com.billingrecon.ingest.ledger.PaymentLedger;
import com.billingrecon.ingest.rows.CdrRecord;
import com.billingrecon.ingest.rows.CdrRowValidator;
import com.billingrecon.ingest.rows.ChargeRecord;
import com.billingrecon.ingest.rows.ChargeRowValidator;
import com.billingrecon.ingest.rows.Checked;
import com.billingrecon.ingest.rows.PaymentRecord;
import com.billingrecon.ingest.rows.PaymentRowValidator;
import com.billingrecon.ingest.rows.SourceRow;
import com.billingrecon.nightly.NightlyParameters;
import com.billingrecon.nightly.StepLog;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
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

    /** Rows per transaction: large enough to amortise the job repository's per-commit cost. */
    static final int CHUNK_SIZE = 2000;

    private static final String INPUT_DIR = "#{jobParameters['" + NightlyParameters.INPUT_DIR + "']}";
    private static final String BUSINESS_DATE = "#{jobParameters['" + NightlyParameters.BUSINESS_DATE + "']}";
    private static final String ZONE = "#{jobParameters['" + NightlyParameters.BILLING_ZONE + "']}";

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
            @Value("#{jobParameters['" + NightlyParameters.RUN_DATE + "']}") LocalDate runDate,
            @Value("#{jobParameters['" + NightlyParameters.PREVIOUS_RUN_DATE + "']}") LocalDate previousRunDate,
            InputFileStore store) {
        return new FilePreparationTasklet(new InputDirectory(Path.of(inputDir)), store, businessDate, runDate,
                previousRunDate);
    }

    @Bean
    public Step cdrIngestion(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                             DayFileRowReader cdrReader, RowChecks<CdrRecord> cdrChecks,
                             JdbcTemplate jdbc, InputFileStore store, StepLog stepLog) {
        return new StepBuilder("cdrIngestion", jobRepository)
                .<SourceRow, Checked<CdrRecord>>chunk(CHUNK_SIZE)
                .transactionManager(transactionManager)
                .reader(cdrReader)
                .processor(cdrChecks)
                .writer(new LedgerWriter<>(new CdrLedger(jdbc), store))
                .listener(stepLog)
                .build();
    }

    @Bean
    public Step chargeIngestion(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                DayFileRowReader chargeReader,
                                RowChecks<ChargeRecord> chargeChecks,
                                JdbcTemplate jdbc, InputFileStore store, StepLog stepLog) {
        return new StepBuilder("chargeIngestion", jobRepository)
                .<SourceRow, Checked<ChargeRecord>>chunk(CHUNK_SIZE)
                .transactionManager(transactionManager)
                .reader(chargeReader)
                .processor(chargeChecks)
                .writer(new LedgerWriter<>(new ChargeLedger(jdbc), store))
                .listener(stepLog)
                .build();
    }

    @Bean
    public Step paymentIngestion(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                 DayFileRowReader paymentReader,
                                 RowChecks<PaymentRecord> paymentChecks,
                                 JdbcTemplate jdbc, InputFileStore store, StepLog stepLog) {
        return new StepBuilder("paymentIngestion", jobRepository)
                .<SourceRow, Checked<PaymentRecord>>chunk(CHUNK_SIZE)
                .transactionManager(transactionManager)
                .reader(paymentReader)
                .processor(paymentChecks)
                .writer(new LedgerWriter<>(new PaymentLedger(jdbc), store))
                .listener(stepLog)
                .build();
    }

    @Bean
    @StepScope
    public DayFileRowReader cdrReader(@Value(INPUT_DIR) String inputDir, @Value(BUSINESS_DATE) LocalDate day,
                                      InputFileStore store) {
        return reader(FileKind.CDR, inputDir, day, store);
    }

    @Bean
    @StepScope
    public DayFileRowReader chargeReader(@Value(INPUT_DIR) String inputDir, @Value(BUSINESS_DATE) LocalDate day,
                                         InputFileStore store) {
        return reader(FileKind.CHARGES, inputDir, day, store);
    }

    @Bean
    @StepScope
    public DayFileRowReader paymentReader(@Value(INPUT_DIR) String inputDir, @Value(BUSINESS_DATE) LocalDate day,
                                          InputFileStore store) {
        return reader(FileKind.PAYMENTS, inputDir, day, store);
    }

    @Bean
    @StepScope
    public RowChecks<CdrRecord> cdrChecks(@Value(ZONE) String zone, JdbcTemplate jdbc) {
        return new RowChecks<>(new CdrRowValidator(new AccountDirectory(jdbc), ZoneId.of(zone))::check);
    }

    @Bean
    @StepScope
    public RowChecks<ChargeRecord> chargeChecks(JdbcTemplate jdbc) {
        return new RowChecks<>(new ChargeRowValidator(new AccountDirectory(jdbc))::check);
    }

    @Bean
    @StepScope
    public RowChecks<PaymentRecord> paymentChecks(JdbcTemplate jdbc) {
        return new RowChecks<>(new PaymentRowValidator(new AccountDirectory(jdbc))::check);
    }

    private static DayFileRowReader reader(FileKind kind, String inputDir, LocalDate day, InputFileStore store) {
        return new DayFileRowReader(new InputDirectory(Path.of(inputDir)), kind, day, store.takenIn(day, kind));
    }
}
