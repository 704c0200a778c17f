package com.billingrecon.ingest.ledger;

import com.billingrecon.billing.LateUsageRule;
import com.billingrecon.ingest.rows.ChargeRecord;
import com.billingrecon.ingest.rows.IdRules;
import com.billingrecon.ingest.rows.SourceRow;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** Non-usage charges: accepted once per id; B by the late usage rule on the charge date. */
public final class ChargeLedger implements LedgerKind<ChargeRecord, IdRules.Prior> {

    private final JdbcTemplate jdbc;

    public ChargeLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String id(ChargeRecord record) {
        return record.chargeId();
    }

    @Override
    public Map<String, IdRules.Prior> priors(Collection<String> ids) {
        return IdLookup.byId(jdbc, "SELECT charge_id, account_id, fingerprint FROM charge WHERE charge_id = ANY(?)", ids,
                (rs, n) -> new IdRules.Prior(rs.getString(2), rs.getString(3)));
    }

    @Override
    public IdRules.Verdict decide(IdRules.Prior prior, ChargeRecord record) {
        return IdRules.forOnce(prior, record.accountId(), record.fingerprint());
    }

    @Override
    public IdRules.Prior remember(ChargeRecord record) {
        return new IdRules.Prior(record.accountId(), record.fingerprint());
    }

    @Override
    public BigDecimal amount(ChargeRecord record) {
        return record.amount();
    }

    @Override
    public String explain(IdRules.Verdict verdict, IdRules.Prior prior, ChargeRecord record) {
        return prior.accountId().equals(record.accountId())
                ? "charge_id " + record.chargeId() + " was accepted before with other content"
                : "charge_id " + record.chargeId() + " belongs to account " + prior.accountId();
    }

    @Override
    public byte[] line(ChargeRecord r, SourceRow row) {
        return new Copy.Line().text(r.chargeId()).text(r.accountId()).text(r.type().name()).date(r.chargeDate())
                .decimal(r.amount()).text(r.currency()).text(r.description())
                .date(LateUsageRule.billingPeriod(r.chargeDate(), row.businessDate()).atDay(1))
                .text(row.file()).number(row.line()).date(row.businessDate()).text(r.fingerprint())
                .end();
    }

    @Override
    public void save(List<Accepted<ChargeRecord>> accepted) {
        Copy.lines(jdbc.getDataSource(), "charge", """
                charge_id, account_id, type, charge_date, amount, currency, description, billing_period, file_name,
                line, business_date, fingerprint""", accepted.stream().map(Accepted::line).toList());
    }
}
