package com.billingrecon.report;

import com.billingrecon.job.DayParameters;
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
            @Value(DayParameters.BUSINESS_DATE_VALUE) LocalDate day,
            @Value(DayParameters.OUTPUT_DIR_VALUE) String outputDir,
            @Value(DayParameters.RERUN_ID_VALUE) Long rerunId,
            Reports reports, List<DayFolderPart> moreParts) {
        return new ReportGenerationTasklet(reports, Path.of(outputDir), day, rerunId != null, moreParts);
    }
}
