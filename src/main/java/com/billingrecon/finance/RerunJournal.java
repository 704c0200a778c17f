package com.billingrecon.finance;

import com.billingrecon.db.Cursor;
import com.billingrecon.domain.Amounts;
import com.billingrecon.report.CsvReport;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The journal of a rerun's folder: adjusting entries, so that every journal written (nightly and rerun) adds up to
 * the ledger the rerun leaves. The nightly journals of the replayed days stay as they were written (folders are
 * history), so what those days posted is taken from the ledger just before the rollback and what they post now
 * from the ledger after the revisions are settled; each journal line that differs is posted with the difference,
 * dated the rerun's last run date: a superseded or void revision is reversed, a new one posted, and payments and
 * credit applied differently are moved to the invoices they now go to. One entry per account and currency:
 * every day's entry balances and belongs to one account, so the differences of an account balance too.
 *
 * <p>Owner of {@code rerun_journal_basis}. The lines go through the table, never through memory, so memory
 * does not depend on how many invoices or payments the replayed days hold.
 */
@Repository
public class RerunJournal {

    private static final Logger log = LoggerFactory.getLogger(RerunJournal.class);

    private static final int BATCH = 500;
    private static final String INSERT = "INSERT INTO rerun_journal_basis "
            + "(rerun_id, currency, account_id, document, gl_account, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)";

    private final JdbcTemplate jdbc;
    private final JournalQueries journal;

    public RerunJournal(JdbcTemplate jdbc, JournalQueries journal) {
        this.jdbc = jdbc;
        this.journal = journal;
    }

    /** What the journals of {@code from..to} posted: called in the rollback's transaction, before it. */
    public void recordBefore(long rerunId, LocalDate from, LocalDate to) {
        record(rerunId, from, to, true);
    }

    /**
     * Writes {@code journal.csv} of the rerun folder: what {@code from..to} post now, less what they posted
     * before. Called after the revisions are settled, in their transaction. Returns the lines written.
     */
    public long writeInto(Path dir, long rerunId, YearMonth period, LocalDate from, LocalDate to)
            throws IOException {
        record(rerunId, from, to, false);
        JournalControl.Tally tally = new JournalControl.Tally();
        CsvReport.write(dir.resolve("journal.csv"), JournalLine.CSV_COLUMNS, row -> adjustments(rerunId, period, to,
                line -> {
                    tally.accept(line);
                    row.accept(line.csvValues());
                }));
        jdbc.update("DELETE FROM rerun_journal_basis WHERE rerun_id = ?", rerunId);
        JournalControl control = tally.control();
        // shown, not hidden: the file is written as it is and the log names what is wrong
        if (!control.balanced()) {
            log.warn("rerun of {}: adjusting journal is not balanced: entries {}", period, control.unbalancedEntries());
        }
        log.info("rerun of {}: adjusting journal, {} lines, balanced {}", period, tally.lines(),
                control.balanced() ? "yes" : "NO");
        return tally.lines();
    }

    private void adjustments(long rerunId, YearMonth period, LocalDate date, Consumer<JournalLine> line) {
        JournalEntries entries = new JournalEntries("R", date, line);
        String[] last = {null, null};
        Cursor.query(jdbc, """
                SELECT currency, account_id, document, gl_account, sum(before), sum(after)
                FROM rerun_journal_basis WHERE rerun_id = ?
                GROUP BY currency, account_id, document, gl_account
                HAVING sum(after) <> sum(before)
                ORDER BY currency, account_id COLLATE "C", document COLLATE "C", gl_account COLLATE "C"
                """, rs -> {
                    if (!rs.getString(1).equals(last[0]) || !rs.getString(2).equals(last[1])) {
                        last[0] = rs.getString(1);
                        last[1] = rs.getString(2);
                        entries.open(last[0], last[1]);
                    }
                    BigDecimal before = rs.getBigDecimal(5);
                    BigDecimal after = rs.getBigDecimal(6);
                    entries.post(rs.getString(4), after.subtract(before), rs.getString(3), "rerun of " + period
                            + ": posted " + Amounts.format(before) + ", now " + Amounts.format(after));
                }, rerunId);
        entries.finish();
    }

    private void record(long rerunId, LocalDate from, LocalDate to, boolean before) {
        List<Object[]> batch = new ArrayList<>(BATCH);
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            journal.journal(day, line -> {
                BigDecimal amount = line.amount();
                batch.add(new Object[] {rerunId, line.currency(), line.accountId(), line.document(), line.glAccount(),
                        before ? amount : BigDecimal.ZERO, before ? BigDecimal.ZERO : amount});
                if (batch.size() == BATCH) {
                    insert(batch);
                }
            });
        }
        insert(batch);
    }

    private void insert(List<Object[]> batch) {
        if (!batch.isEmpty()) {
            jdbc.batchUpdate(INSERT, batch);
            batch.clear();
        }
    }
}
