package com.billingrecon.finance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Everything a day's summary page shows.
 *
 * @param reconciliation the rows of the day's reconciliation.csv, header left out
 * @param overLimit      the OVER_LIMIT rows of the day's balances.csv (at most {@link SummaryPage#MAX_LISTED})
 * @param overLimitCount how many accounts are over their limit in all
 */
record SummaryData(LocalDate day, List<List<String>> reconciliation, JournalControl journal,
                   List<ArControl> arControls, List<KindTotals> billing, List<Cash> cash,
                   Map<String, List<BigDecimal>> agingByCurrency, List<List<String>> overLimit, long overLimitCount,
                   Map<String, Long> rejectsByReason, List<Trend> trends) {

    static final int RECONCILIATION_STATUS = 3;

    /** Every processed file of the day: rows_read = accepted + duplicates + rejected. */
    boolean everyFileReconciles() {
        return unreconciled().isEmpty();
    }

    List<String> unreconciled() {
        return reconciliation.stream()
                .filter(r -> "PROCESSED".equals(r.get(RECONCILIATION_STATUS)) || "REJECTED".equals(r.get(RECONCILIATION_STATUS)))
                .filter(r -> Long.parseLong(r.get(4)) != Long.parseLong(r.get(5)) + Long.parseLong(r.get(6))
                        + Long.parseLong(r.get(7)))
                .map(r -> r.get(0)).toList();
    }

    /** The files a person must look at: held, or rejected whole. */
    List<List<String>> filesToCheck() {
        return reconciliation.stream()
                .filter(r -> "HELD".equals(r.get(RECONCILIATION_STATUS)) || "REJECTED".equals(r.get(RECONCILIATION_STATUS)))
                .toList();
    }

    /** The exit code a run ending on this day gives for it (SPEC §7). */
    int exitCode() {
        return filesToCheck().isEmpty() ? 0 : 3;
    }

    boolean arAgrees() {
        return arControls.stream().allMatch(ArControl::agrees);
    }
}
