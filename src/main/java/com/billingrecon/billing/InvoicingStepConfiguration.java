package com.billingrecon.billing;

import com.billingrecon.job.DayParameters;
import com.billingrecon.totals.RunningTotals;
import java.time.LocalDate;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

@Configuration
public class InvoicingStepConfiguration {

    @Bean
    public Step invoicing(JobRepository jobRepository, PlatformTransactionManager transactionManager, InvoicingTasklet invoicingTasklet) {
        return new StepBuilder("invoicing", jobRepository)
                .tasklet(invoicingTasklet, transactionManager).build();
    }

    @Bean
    @StepScope
    public InvoicingTasklet invoicingTasklet(
            @Value(DayParameters.BUSINESS_DATE_VALUE) LocalDate day,
            InvoiceDrafts drafts, InvoiceRegister invoices, RunningTotals totals, JdbcTemplate jdbc) {
        return new InvoicingTasklet(drafts, invoices, totals, jdbc, day);
    }
}
