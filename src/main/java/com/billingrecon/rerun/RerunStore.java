package com.billingrecon.rerun;

import com.billingrecon.billing.InvoiceStatus;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The reruns of billing periods (tables {@code rerun} and {@code rerun_invoice}): one may be unfinished, and
 * then it is resumed before anything else runs.
 */
@Repository
public class RerunStore {

    private static final String IN_PROGRESS = "IN_PROGRESS";
    private static final String DONE = "DONE";

    private final JdbcTemplate jdbc;

    public RerunStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param restartFrom the first day replayed; the ledger was rolled back to the end of the day before
     * @param lastRunDate the last run date when the rerun began: the last day replayed
     */
    public record Rerun(long id, YearMonth period, LocalDate restartFrom, LocalDate lastRunDate) {
    }

    public Optional<Rerun> unfinished() {
        return jdbc.query("SELECT rerun_id, period, restart_from, last_day FROM rerun WHERE status = ?",
                (rs, n) -> new Rerun(rs.getLong(1), YearMonth.from(rs.getDate(2).toLocalDate()),
                        rs.getDate(3).toLocalDate(), rs.getDate(4).toLocalDate()), IN_PROGRESS).stream().findFirst();
    }

    public Rerun start(YearMonth period, LocalDate restartFrom, LocalDate lastRunDate) {
        Long id = jdbc.queryForObject("SELECT coalesce(max(rerun_id), 0) + 1 FROM rerun", Long.class);
        jdbc.update("INSERT INTO rerun (rerun_id, period, restart_from, last_day, status) VALUES (?, ?, ?, ?, ?)",
                id, period.atDay(1), restartFrom, lastRunDate, IN_PROGRESS);
        return new Rerun(id, period, restartFrom, lastRunDate);
    }

    /** Remembers the current revisions issued after {@code endOfDay}, which the rerun is about to set aside. */
    public void rememberInvoicesIssuedAfter(LocalDate endOfDay, long rerunId) {
        jdbc.update("INSERT INTO rerun_invoice (rerun_id, invoice_no, old_revision) "
                + "SELECT ?, invoice_no, revision FROM invoice WHERE issue_date > ? AND "
                + InvoiceStatus.CURRENT_REVISION, rerunId, endOfDay);
    }

    public void finish(Rerun rerun) {
        jdbc.update("UPDATE rerun SET status = ? WHERE rerun_id = ?", DONE, rerun.id());
    }
}
