package com.billingrecon.rerun;

import com.billingrecon.billing.InvoiceRegister;
import com.billingrecon.ingest.InputFileStore;
import com.billingrecon.ingest.ledger.CdrLedger;
import com.billingrecon.ingest.ledger.ChargeLedger;
import com.billingrecon.ingest.ledger.PaymentLedger;
import com.billingrecon.payments.SettlementStore;
import com.billingrecon.totals.RunningTotals;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Takes the ledger back to the end of a business day, so that the days after it can be replayed
 * from the files as they are now. Nothing before that day changes. Invoices issued later are set
 * aside (SUPERSEDED for now, and remembered) so that the replay's invoices can be compared with them.
 * Each table is taken back by its owner, in this order; all run inside the caller's transaction.
 */
@Component
public class DayRollback {

    private final RunningTotals totals;
    private final CdrLedger cdrs;
    private final ChargeLedger charges;
    private final PaymentLedger payments;
    private final InputFileStore files;
    private final SettlementStore settlements;
    private final RerunStore reruns;
    private final InvoiceRegister invoices;

    public DayRollback(RunningTotals totals, CdrLedger cdrs, ChargeLedger charges, PaymentLedger payments,
                          InputFileStore files, SettlementStore settlements, RerunStore reruns,
                          InvoiceRegister invoices) {
        this.totals = totals;
        this.cdrs = cdrs;
        this.charges = charges;
        this.payments = payments;
        this.files = files;
        this.settlements = settlements;
        this.reruns = reruns;
        this.invoices = invoices;
    }

    public void rollBackTo(LocalDate endOfDay, long rerunId) {
        totals.rollBackTo(endOfDay); // first: it reads what the rest takes away
        cdrs.rollBackTo(endOfDay);
        rollBackTheRestTo(endOfDay, rerunId);
    }

    /**
     * The same, but the CDR files of {@code scope} that did not change keep their records: only the CDRs of the
     * scope's ids go back, and the kept files' rows of those ids are decided again by the replay.
     */
    public void rollBackKeeping(LocalDate endOfDay, long rerunId, CdrReplayScope.Kept scope) {
        List<LocalDate> scopeDays = cdrs.scopeDaysAfter(endOfDay);
        totals.rollBackKeeping(endOfDay, scopeDays); // first: it reads what the rest takes away
        files.rollBackKeeping(endOfDay, scope.keptFileIds(), cdrs.countsOfRowsToDecideAgain(scopeDays));
        cdrs.rollBackKeeping(endOfDay, scopeDays, scope.changedFileIds(), scope.changedDays());
        charges.rollBackTo(endOfDay);
        payments.rollBackTo(endOfDay);
        settlements.rollBackTo(endOfDay);
        afterFilesRollBackTo(endOfDay, rerunId);
    }

    /** The end of a rerun that kept files: the scope is forgotten and the kept files are files like any other. */
    public void endKeeping() {
        cdrs.clearScope();
        files.endKeeping();
    }

    private void rollBackTheRestTo(LocalDate endOfDay, long rerunId) {
        charges.rollBackTo(endOfDay);
        payments.rollBackTo(endOfDay);
        files.rollBackTo(endOfDay);
        settlements.rollBackTo(endOfDay);
        afterFilesRollBackTo(endOfDay, rerunId);
    }

    private void afterFilesRollBackTo(LocalDate endOfDay, long rerunId) {
        reruns.rememberInvoicesIssuedAfter(endOfDay, rerunId); // before they are set aside
        invoices.setAsideIssuedAfter(endOfDay);
        invoices.restorePaidFromAllocations();
        settlements.restoreCredit(); // last: it reads the invoices as restored
    }
}
