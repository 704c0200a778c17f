package com.billingrecon.job;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/** One line per step for the operator: the day, the counts and the rate. */
@Component
public class StepLog implements StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(StepLog.class);

    /** Rows a restarted step had read before this execution, which its rate must not count. */
    private final Map<Long, Long> readBefore = new ConcurrentHashMap<>();

    @Override
    public void beforeStep(StepExecution step) {
        readBefore.put(step.getId(), step.getExecutionContext().getLong(StepCounts.READ, 0L));
    }

    @Override
    public ExitStatus afterStep(StepExecution step) {
        LocalDateTime start = step.getStartTime();
        long millis = start == null ? 0 : Math.max(1, Duration.between(start, LocalDateTime.now()).toMillis());
        var context = step.getExecutionContext();
        long read = context.getLong(StepCounts.READ, 0L);
        Long before = readBefore.remove(step.getId());
        long rate = millis == 0 ? 0 : (read - (before == null ? 0 : before)) * 1000 / millis;
        log.info("{} {}: {} rows read, {} accepted, {} duplicates, {} rejected, {} commits, {} ms, {} rows/s, {}",
                step.getJobExecution().getJobParameters().getLocalDate(DayParameters.BUSINESS_DATE),
                step.getStepName(), read, context.getLong(StepCounts.ACCEPTED, 0L),
                context.getLong(StepCounts.DUPLICATES, 0L), context.getLong(StepCounts.REJECTED, 0L),
                step.getCommitCount(), millis, rate, step.getExitStatus().getExitCode());
        return step.getExitStatus();
    }
}
