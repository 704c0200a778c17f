package com.billingrecon.report;

import com.billingrecon.nightly.BusinessDays;
import com.billingrecon.nightly.NightlyParameters;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

@Configuration
public class ReportStepConfiguration {

    @Bean
    public Step reportGeneration(JobRepository jobRepository, PlatformTransactionManager transactionManager, ReportGenerationTasklet reportGenerationTasklet) {
        return new StepBuilder("reportGeneration", jobRepository)
                .tasklet(reportGenerationTasklet, transactionManager).build();
    }

    @Bean
    @StepScope
    public ReportGenerationTasklet reportGenerationTasklet(
            @Value("#{jobParameters['" + NightlyParameters.BUSINESS_DATE + "']}") LocalDate day,
            @Value("#{jobParameters['" + NightlyParameters.OUTPUT_DIR + "']}") String outputDir,
            @Value("#{jobParameters['" + NightlyParameters.RERUN_ID + "']}") Long rerunId,
            Reports reports, BusinessDays businessDays, List<DayFolderPart> parts) {
        return new ReportGenerationTasklet(reports, businessDays, Path.of(outputDir), day, rerunId != null, parts);
    }
}
