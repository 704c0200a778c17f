package com.billingrecon.billing;

import com.billingrecon.totals.RunningTotals;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issues the day's invoices with their tax (what each holds is the view {@code invoice_item}). Money is
 * applied to them by the settlement step, which follows. An invoice number issued again by a rerun
 * gets the next revision; the rerun decides afterwards whether it really changed. The invoiced totals
 * move with the invoices, in the same transaction; an invoice already current (issued before) is not
 * issued again, nor counted again.
 */
public class InvoicingTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(InvoicingTasklet.class);

    private final InvoiceDrafts drafts;
    private final InvoiceRegister invoices;
    private final RunningTotals totals;
    private final JdbcTemplate jdbc;
    private final LocalDate day;

    public InvoicingTasklet(InvoiceDrafts drafts, InvoiceRegister invoices, RunningTotals totals, JdbcTemplate jdbc,
                            LocalDate day) {
        this.drafts = drafts;
        this.invoices = invoices;
        this.totals = totals;
        this.jdbc = jdbc;
        this.day = day;
    }

    /** Invoices inserted per batch: the day's drafts are never all in memory. */
    private static final int BATCH = 1000;

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        List<String> counted = jdbc.queryForList("SELECT invoice_no FROM invoice WHERE issue_date = ? AND "
                + InvoiceStatus.CURRENT_REVISION, String.class, day);
        List<InvoiceDraft> batch = new ArrayList<>(BATCH);
        long[] issued = {0};
        drafts.issuedOn(day, draft -> {
            batch.add(draft);
            issued[0]++;
            if (batch.size() == BATCH) {
                insert(batch);
            }
        });
        insert(batch);
        totals.addInvoicesIssuedOn(day, counted);
        contribution.incrementWriteCount(issued[0]);
        log.info("{} invoicing: {} invoices issued", day, issued[0]);
        return RepeatStatus.FINISHED;
    }

    private void insert(List<InvoiceDraft> batch) {
        invoices.issue(batch);
        batch.clear();
    }
}
