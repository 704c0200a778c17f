package com.billingrecon.nightly;

import com.billingrecon.job.DayParameters;
import com.billingrecon.job.Partitioning;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/**
 * Runs the nightly job for one business day, resuming it where an earlier attempt stopped: a failed
 * execution is restarted; one left STARTED by a killed process is first recovered (marked failed).
 */
@Component
public class DayLauncher {

    private static final Logger log = LoggerFactory.getLogger(DayLauncher.class);

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job nightlyCloseJob;
    private final DayInProgress dayInProgress;
    private volatile boolean stopRequested;

    public DayLauncher(JobOperator jobOperator, JobRepository jobRepository, Job nightlyCloseJob,
                       DayInProgress dayInProgress) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.nightlyCloseJob = nightlyCloseJob;
        this.dayInProgress = dayInProgress;
    }

    public BatchStatus closeDay(LocalDate day, LocalDate runDate, LocalDate previousRunDate,
                                Path inputDir, Path outputDir, ZoneId zone) throws Exception {
        return run(day, runDate, previousRunDate, null, inputDir, outputDir, zone, null);
    }

    /** The same, the day's CDRs taken in as partitions when {@code partitioning} is given and the day starts now. */
    public BatchStatus closeDay(LocalDate day, LocalDate runDate, LocalDate previousRunDate,
                                Path inputDir, Path outputDir, ZoneId zone, Partitioning partitioning)
            throws Exception {
        return run(day, runDate, previousRunDate, null, inputDir, outputDir, zone, partitioning);
    }

    /** Replays a day for a rerun: the same steps, its own job instance, no nightly folder. */
    public BatchStatus replayDay(LocalDate day, LocalDate lastRunDate, long rerunId, Path inputDir, Path outputDir,
                                 ZoneId zone) throws Exception {
        return run(day, lastRunDate, null, rerunId, inputDir, outputDir, zone, null);
    }

    /**
     * Asks the running day to stop at its next chunk boundary (SIGTERM); no further day starts. The
     * stopped day stays restartable: the same command resumes it.
     */
    public void requestStop() {
        stopRequested = true;
        dayInProgress.execution().ifPresent(execution -> {
            try {
                jobOperator.stop(execution);
            } catch (Exception e) {
                log.warn("Could not ask execution {} to stop: {}", execution.getId(), e.toString());
            }
        });
    }

    public boolean stopRequested() {
        return stopRequested;
    }

    /**
     * The framework will not restart an UNKNOWN execution. Every chunk commits its rows together with the
     * reader's position, so the ledger and the saved position agree whatever the lost status was: the
     * execution can be failed and restarted from there.
     */
    private void markFailed(JobExecution execution) {
        LocalDateTime now = LocalDateTime.now();
        for (StepExecution step : execution.getStepExecutions()) {
            if (step.getStatus() == BatchStatus.UNKNOWN || step.getStatus().isRunning()) {
                step.setStatus(BatchStatus.FAILED);
                step.setExitStatus(ExitStatus.FAILED);
                if (step.getEndTime() == null) {
                    step.setEndTime(now);
                }
                jobRepository.update(step);
            }
        }
        execution.setStatus(BatchStatus.FAILED);
        execution.setExitStatus(ExitStatus.FAILED);
        if (execution.getEndTime() == null) {
            execution.setEndTime(now);
        }
        jobRepository.update(execution);
    }

    /**
     * A day's partitions are fixed when it starts: a resumed day keeps the number (and work folder) it started
     * with, or its one step, whatever this command asks.
     */
    private static void partitions(JobParametersBuilder builder, LocalDate day, JobExecution last,
                                   Partitioning partitioning) {
        Long partitions;
        String workDir;
        if (last != null) {
            partitions = last.getJobParameters().getLong(DayParameters.PARTITIONS);
            workDir = last.getJobParameters().getString(DayParameters.WORK_DIR);
            Long asked = partitioning == null ? null : (long) partitioning.partitions();
            if (!Objects.equals(asked, partitions)) {
                log.info("Business day {} started with {}; it resumes so", day,
                        partitions == null ? "its CDRs in one step" : partitions + " CDR partitions");
            }
        } else if (partitioning != null) {
            partitions = (long) partitioning.partitions();
            workDir = partitioning.workDir().toAbsolutePath().toString();
        } else {
            return;
        }
        if (partitions != null) {
            builder.addLong(DayParameters.PARTITIONS, partitions, false)
                    .addString(DayParameters.WORK_DIR, workDir, false);
        }
    }

    /**
     * The partitions a failed day left STARTING or STARTED (their worker died, froze, or never came) are failed,
     * so that the day can restart them. This run holds the database, so no live run owns them; a frozen worker
     * that wakes finds its execution's version changed and cannot commit.
     */
    private void failOrphanedSteps(JobExecution execution) {
        LocalDateTime now = LocalDateTime.now();
        for (StepExecution listed : execution.getStepExecutions()) {
            StepExecution step = jobRepository.getStepExecution(listed.getId()); // its current version
            if (step != null && step.getStatus().isRunning()) {
                log.warn("Step {} of execution {} was left {}; failing it so that it can resume",
                        step.getStepName(), execution.getId(), step.getStatus());
                step.setStatus(BatchStatus.FAILED);
                step.setExitStatus(ExitStatus.FAILED);
                if (step.getEndTime() == null) {
                    step.setEndTime(now);
                }
                jobRepository.update(step);
            }
        }
    }

    private BatchStatus run(LocalDate day, LocalDate runDate, LocalDate previousRunDate, Long rerunId,
                            Path inputDir, Path outputDir, ZoneId zone, Partitioning partitioning) throws Exception {
        JobParametersBuilder builder = new JobParametersBuilder()
                .addLocalDate(DayParameters.BUSINESS_DATE, day)
                .addLocalDate(DayParameters.RUN_DATE, runDate, false)
                .addString(DayParameters.INPUT_DIR, inputDir.toAbsolutePath().toString(), false)
                .addString(DayParameters.OUTPUT_DIR, outputDir.toAbsolutePath().toString(), false)
                .addString(DayParameters.BILLING_ZONE, zone.getId(), false);
        if (rerunId != null) {
            builder.addLong(DayParameters.RERUN_ID, rerunId);
        }
        if (previousRunDate != null) {
            builder.addLocalDate(DayParameters.PREVIOUS_RUN_DATE, previousRunDate, false);
        }
        JobExecution last = jobRepository.getLastJobExecution(DayParameters.JOB_NAME, builder.toJobParameters());
        if (last != null && last.getStatus() == BatchStatus.COMPLETED) {
            return BatchStatus.COMPLETED;
        }
        partitions(builder, day, last, partitioning);
        JobParameters parameters = builder.toJobParameters();
        if (last != null && last.getStatus().isRunning()) {
            log.warn("Business day {} was interrupted (execution {}); resuming it", day, last.getId());
            jobOperator.recover(last);
        } else if (last != null && last.getStatus() == BatchStatus.UNKNOWN) {
            log.warn("Business day {} ended in an unknown state (execution {}: its status could not be saved); "
                    + "resuming it from its last committed chunk", day, last.getId());
            markFailed(last);
        } else if (last != null) {
            log.info("Business day {} failed before (execution {}); resuming it", day, last.getId());
            failOrphanedSteps(last);
        }
        if (stopRequested) {
            return BatchStatus.STOPPED;
        }
        JobExecution execution = jobOperator.start(nightlyCloseJob, parameters);
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            List<Throwable> failures = execution.getAllFailureExceptions().stream()
                    .filter(e -> !(e instanceof JobInterruptedException)).toList();
            failures.forEach(e -> log.error("Business day {} failed: {}", day, e.toString(), e));
            if (execution.getStatus() != BatchStatus.STOPPED && !failures.isEmpty()) {
                throw new DayFailedException(day, failures.get(0));
            }
        }
        return execution.getStatus();
    }
}
