package com.billingrecon.ingest.partition;

import com.billingrecon.ingest.DayFileRows;
import com.billingrecon.ingest.RowSource;
import com.billingrecon.ingest.ledger.CdrLedger;
import com.billingrecon.ingest.rows.CdrRecord;
import com.billingrecon.ingest.rows.SourceRow;
import com.billingrecon.ingest.rows.ValidatedRow;
import com.billingrecon.job.StepCounts;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Step {@code cdrSplit}: reads the day's CDR files once, with the day's reader, into the partitions' bucket files,
 * and makes the history partitions the day's records will need. Interrupted, it starts over (the buckets are put
 * in place only once all are written); once done, the buckets stay as they are for every attempt of the day.
 */
public class CdrSplitTasklet implements Tasklet {

    private final DayFileRows rows;
    private final CdrBuckets buckets;
    private final Function<SourceRow, ValidatedRow<CdrRecord>> checks;
    private final CdrLedger ledger;

    public CdrSplitTasklet(DayFileRows rows, CdrBuckets buckets, Function<SourceRow, ValidatedRow<CdrRecord>> checks,
                           CdrLedger ledger) {
        this.rows = rows;
        this.buckets = buckets;
        this.checks = checks;
        this.ledger = ledger;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        Set<LocalDate> periods = new TreeSet<>();
        long read = 0;
        try (rows; CdrBuckets.Writer writer = buckets.writer()) {
            rows.open(new RowSource.Position(0, 0));
            for (SourceRow row = rows.next(); row != null; row = rows.next()) {
                writer.write(row);
                read++;
                if (!row.malformed()) {
                    ValidatedRow<CdrRecord> checked = checks.apply(row);
                    if (checked.isValid()) {
                        periods.add(CdrLedger.billingPeriod(checked.record(), row));
                    }
                }
            }
            writer.commit();
        }
        ledger.makeHistoryPartitions(periods);
        chunkContext.getStepContext().getStepExecution().getExecutionContext().putLong(StepCounts.READ, read);
        return RepeatStatus.FINISHED;
    }
}
