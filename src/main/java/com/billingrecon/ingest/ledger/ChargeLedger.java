package com.billingrecon.ingest.ledger;

import com.billingrecon.billing.LateUsageRule;
import com.billingrecon.ingest.rows.ChargeRecord;
import com.billingrecon.ingest.rows.SourceRow;
import java.math.BigDecimal;
import org.springframework.jdbc.core.JdbcTemplate;

/** Non-usage charges: accepted once per id; B by the late usage rule on the charge date. */
public final class ChargeLedger extends OnceLedger<ChargeRecord> {

    public ChargeLedger(JdbcTemplate jdbc) {
        super(jdbc, "charge", "charge_id", "charge_id, account_id, type, charge_date, amount, currency, description, "
                + "billing_period, file_name, line, business_date, fingerprint");
    }

    @Override
    public String id(ChargeRecord record) {
        return record.chargeId();
    }

    @Override
    String accountId(ChargeRecord record) {
        return record.accountId();
    }

    @Override
    String fingerprint(ChargeRecord record) {
        return record.fingerprint();
    }

    @Override
    public BigDecimal amount(ChargeRecord record) {
        return record.amount();
    }

    @Override
    public byte[] line(ChargeRecord r, SourceRow row) {
        return new BulkCopy.Line().text(r.chargeId()).text(r.accountId()).text(r.type().name()).date(r.chargeDate())
                .decimal(r.amount()).text(r.currency()).text(r.description())
                .date(LateUsageRule.billingPeriod(r.chargeDate(), row.businessDate()).atDay(1))
                .text(row.file()).number(row.line()).date(row.businessDate()).text(r.fingerprint())
                .end();
    }
}
