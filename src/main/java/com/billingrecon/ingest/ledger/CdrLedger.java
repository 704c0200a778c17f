package com.billingrecon.ingest.ledger;

import com.billingrecon.billing.LateUsageRule;
import com.billingrecon.ingest.rows.CdrRecord;
import com.billingrecon.ingest.rows.IdRules;
import com.billingrecon.ingest.rows.SourceRow;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** CDRs: every accepted record goes to the history; the latest per id is the CDR's current state (view {@code cdr}). */
public final class CdrLedger implements LedgerKind<CdrRecord, IdRules.PriorCdr> {

    private final JdbcTemplate jdbc;

    public CdrLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String id(CdrRecord record) {
        return record.cdrId();
    }

    @Override
    public Map<String, IdRules.PriorCdr> priors(Collection<String> ids) {
        return IdLookup.byId(jdbc, "SELECT cdr_id, account_id, status, fingerprint FROM cdr_history WHERE cdr_id = ANY(?) AND superseded_on IS NULL", ids,
                (rs, n) -> new IdRules.PriorCdr(rs.getString(2), CdrRecord.CdrStatus.valueOf(rs.getString(3)),
                        rs.getString(4)));
    }

    @Override
    public IdRules.Verdict decide(IdRules.PriorCdr prior, CdrRecord record) {
        return IdRules.forCdr(prior, record);
    }

    @Override
    public IdRules.PriorCdr remember(CdrRecord record) {
        return new IdRules.PriorCdr(record.accountId(), record.status(), record.fingerprint());
    }

    @Override
    public BigDecimal amount(CdrRecord record) {
        return record.amount();
    }

    @Override
    public String explain(IdRules.Verdict verdict, IdRules.PriorCdr prior, CdrRecord record) {
        return verdict == IdRules.Verdict.ALREADY_FINAL
                ? "cdr_id " + record.cdrId() + " is already " + prior.status()
                : "cdr_id " + record.cdrId() + " belongs to account " + prior.accountId();
    }

    @Override
    public byte[] line(CdrRecord r, SourceRow row) {
        LocalDate businessDate = row.businessDate();
        return new BulkCopy.Line().text(r.cdrId()).text(r.accountId()).text(r.type().name()).text(r.startTime())
                .date(r.eventDate()).number(r.durationSeconds()).decimal(r.amount()).text(r.currency())
                .text(r.status().name()).date(LateUsageRule.billingPeriod(r.eventDate(), businessDate).atDay(1))
                .text(row.file()).number(row.line()).date(businessDate).text(r.fingerprint())
                .date(null) // superseded_on: set in save when a later record of the same chunk replaces it
                .end();
    }

    /**
     * Appends the chunk's records with COPY. A record that replaces the current one of its CDR marks
     * that one superseded (on the business date of the replacement), whether it was committed before
     * or came earlier in the same chunk.
     */
    @Override
    public void save(List<Accepted<CdrRecord>> accepted) {
        if (accepted.isEmpty()) {
            return;
        }
        List<byte[]> lines = new ArrayList<>(accepted.size());
        Map<String, LocalDate> replacedBefore = new LinkedHashMap<>();
        for (Accepted<CdrRecord> a : accepted) {
            LocalDate businessDate = a.row().businessDate();
            if (a.replaces() >= 0) {
                lines.set(a.replaces(), BulkCopy.Line.withLastDate(lines.get(a.replaces()), businessDate));
            } else if (a.replaces() == Accepted.COMMITTED) {
                replacedBefore.put(a.record().cdrId(), businessDate);
            }
            lines.add(a.line());
        }
        jdbc.batchUpdate("UPDATE cdr_history SET superseded_on = ? WHERE cdr_id = ? AND superseded_on IS NULL",
                replacedBefore.entrySet().stream().map(e -> new Object[] {e.getValue(), e.getKey()}).toList());
        BulkCopy.lines(jdbc.getDataSource(), "cdr_history", COLUMNS + ", superseded_on", lines);
    }

    /** A rerun's rollback: each CDR goes back to its latest record taken in up to that day, or away. */
    public void rollBackTo(LocalDate endOfDay) {
        jdbc.update("DELETE FROM cdr_history WHERE business_date > ?", endOfDay);
        jdbc.update("UPDATE cdr_history SET superseded_on = NULL WHERE superseded_on > ?", endOfDay);
    }

    /** The history's COPY columns, in the order of {@link #line}; superseded_on follows. */
    private static final String COLUMNS = "cdr_id, account_id, type, start_time, event_date, duration_s, amount, currency, "
            + "status, billing_period, file_name, line, business_date, fingerprint";
}
