package com.billingrecon.ingest.ledger;

import com.billingrecon.billing.LateUsageRule;
import com.billingrecon.ingest.rows.CdrRecord;
import com.billingrecon.ingest.rows.IdRules;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Set;
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

    /**
     * Appends the chunk's records with COPY. A record that replaces the current one of its CDR marks
     * that one superseded (on the business date of the replacement), whether it was committed before
     * or came earlier in the same chunk.
     */
    @Override
    public void save(List<Accepted<CdrRecord>> accepted, Set<String> known) {
        if (accepted.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(accepted.size());
        Map<String, Object[]> latest = new HashMap<>();
        Map<String, LocalDate> replacedBefore = new LinkedHashMap<>();
        for (Accepted<CdrRecord> a : accepted) {
            CdrRecord r = a.record();
            String file = a.row().file();
            LocalDate businessDate = a.row().businessDate();
            Object[] row = {r.cdrId(), r.accountId(), r.type().name(), r.startTime(), r.eventDate(),
                    r.durationSeconds(), r.amount().toPlainString(), r.currency(), r.status().name(),
                    LateUsageRule.billingPeriod(r.eventDate(), businessDate).atDay(1),
                    file, a.row().line(), businessDate, r.fingerprint(),
                    file.substring(0, file.length() - ".csv".length()), null};
            Object[] earlier = latest.put(r.cdrId(), row);
            if (earlier != null) {
                earlier[SUPERSEDED_ON] = businessDate;
            } else if (known.contains(r.cdrId())) {
                replacedBefore.put(r.cdrId(), businessDate);
            }
            rows.add(row);
        }
        jdbc.batchUpdate("UPDATE cdr_history SET superseded_on = ? WHERE cdr_id = ? AND superseded_on IS NULL",
                replacedBefore.entrySet().stream().map(e -> new Object[] {e.getValue(), e.getKey()}).toList());
        Copy.into(jdbc.getDataSource(), "cdr_history", COLUMNS + ", order_key, superseded_on", rows);
    }

    private static final int SUPERSEDED_ON = 15;

    public static final String COLUMNS = "cdr_id, account_id, type, start_time, event_date, duration_s, amount, currency, "
            + "status, billing_period, file_name, line, business_date, fingerprint";


}
