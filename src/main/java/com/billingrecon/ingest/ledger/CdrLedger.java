package com.billingrecon.ingest.ledger;

import com.billingrecon.billing.LateUsageRule;
import com.billingrecon.ingest.rows.CdrRecord;
import com.billingrecon.ingest.rows.IdRules;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Set;
import javax.sql.DataSource;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** CDRs: every accepted record goes to the history; the latest per id is the CDR's current state. */
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
        return IdLookup.byId(jdbc, "SELECT cdr_id, account_id, status, fingerprint FROM cdr WHERE cdr_id = ANY(?)", ids,
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
    public void save(List<Accepted<CdrRecord>> accepted, Set<String> known) {
        if (accepted.isEmpty()) {
            return;
        }
        List<Object[]> history = new ArrayList<>(accepted.size());
        Map<String, Object[]> latest = new LinkedHashMap<>();
        for (Accepted<CdrRecord> a : accepted) {
            CdrRecord r = a.record();
            String file = a.row().file();
            Object[] row = {r.cdrId(), r.accountId(), r.type().name(), r.startTime(), r.eventDate(),
                    r.durationSeconds(), r.amount().toPlainString(), r.currency(), r.status().name(),
                    LateUsageRule.billingPeriod(r.eventDate(), a.row().businessDate()).atDay(1),
                    file, a.row().line(), a.row().businessDate(), r.fingerprint(),
                    file.substring(0, file.length() - ".csv".length())};
            history.add(row);
            latest.put(r.cdrId(), row);
        }
        DataSource dataSource = jdbc.getDataSource();
        Copy.into(dataSource, "cdr_history", COLUMNS + ", order_key", history);
        List<Object[]> created = new ArrayList<>();
        List<Object[]> replaced = new ArrayList<>();
        latest.forEach((id, row) -> (known.contains(id) ? replaced : created).add(Arrays.copyOf(row, row.length - 1)));
        Copy.into(dataSource, "cdr", COLUMNS, created);
        jdbc.batchUpdate("INSERT INTO cdr (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?::numeric, ?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (cdr_id) DO UPDATE SET " + UPDATES, replaced);
    }

    public static final String COLUMNS = "cdr_id, account_id, type, start_time, event_date, duration_s, amount, currency, "
            + "status, billing_period, file_name, line, business_date, fingerprint";

    private static final String UPDATES = "type = excluded.type, start_time = excluded.start_time, "
            + "event_date = excluded.event_date, duration_s = excluded.duration_s, amount = excluded.amount, "
            + "currency = excluded.currency, status = excluded.status, billing_period = excluded.billing_period, "
            + "file_name = excluded.file_name, line = excluded.line, business_date = excluded.business_date, "
            + "fingerprint = excluded.fingerprint";
}
