package com.billingrecon.payments;

import com.billingrecon.billing.InvoiceRegister;
import com.billingrecon.job.DayParameters;
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
public class SettlementStepConfiguration {

    @Bean
    public Step settlement(JobRepository jobRepository, PlatformTransactionManager transactionManager, SettlementTasklet settlementTasklet) {
        return new StepBuilder("settlement", jobRepository)
                .tasklet(settlementTasklet, transactionManager).build();
    }

    @Bean
    @StepScope
    public SettlementTasklet settlementTasklet(
            @Value(DayParameters.BUSINESS_DATE_VALUE) LocalDate day, JdbcTemplate jdbc,
            InvoiceRegister invoices, SettlementStore store) {
        return new SettlementTasklet(jdbc, invoices, store, day);
    }
}
