package com.billingrecon.ingest.ledger;

import com.billingrecon.billing.LateUsageRule;
import com.billingrecon.ingest.rows.ChargeRecord;
import java.math.BigDecimal;
import org.springframework.jdbc.core.JdbcTemplate;

/** Non-usage charges: accepted once per id; B by the late usage rule on the charge date. */
public final class ChargeLedger extends OnceLedger<ChargeRecord> {

    public ChargeLedger(JdbcTemplate jdbc) {
        super(jdbc, "charge", "charge_id", new CopyColumns<ChargeRecord>()
                .column("charge_id", (line, r, row) -> line.text(r.chargeId()))
                .column("account_id", (line, r, row) -> line.text(r.accountId()))
                .column("type", (line, r, row) -> line.text(r.type().name()))
                .column("charge_date", (line, r, row) -> line.date(r.chargeDate()))
                .column("amount", (line, r, row) -> line.decimal(r.amount()))
                .column("currency", (line, r, row) -> line.text(r.currency()))
                .column("description", (line, r, row) -> line.text(r.description()))
                .column("billing_period", (line, r, row) ->
                        line.date(LateUsageRule.billingPeriod(r.chargeDate(), row.businessDate()).atDay(1)))
                .column("file_name", (line, r, row) -> line.text(row.file()))
                .column("line", (line, r, row) -> line.number(row.line()))
                .column("business_date", (line, r, row) -> line.date(row.businessDate()))
                .column("fingerprint", (line, r, row) -> line.text(r.fingerprint())));
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
}
