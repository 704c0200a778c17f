package com.billingrecon.ingest.ledger;

import com.billingrecon.ingest.rows.PaymentRecord;
import java.math.BigDecimal;
import org.springframework.jdbc.core.JdbcTemplate;

/** Payments: accepted once per id, applied on their file's business date in file and row order. */
public final class PaymentLedger extends OnceLedger<PaymentRecord> {

    public PaymentLedger(JdbcTemplate jdbc) {
        super(jdbc, "payment", "payment_id", new CopyColumns<PaymentRecord>()
                .column("payment_id", (line, r, row) -> line.text(r.paymentId()))
                .column("account_id", (line, r, row) -> line.text(r.accountId()))
                .column("payment_date", (line, r, row) -> line.date(r.paymentDate()))
                .column("amount", (line, r, row) -> line.decimal(r.amount()))
                .column("currency", (line, r, row) -> line.text(r.currency()))
                .column("method", (line, r, row) -> line.text(r.method()))
                .column("invoice_ref", (line, r, row) -> line.text(r.invoiceRef()))
                .column("file_name", (line, r, row) -> line.text(row.file()))
                .column("order_key", (line, r, row) ->
                        line.text(row.file().substring(0, row.file().length() - ".csv".length())))
                .column("line", (line, r, row) -> line.number(row.line()))
                .column("business_date", (line, r, row) -> line.date(row.businessDate()))
                .column("fingerprint", (line, r, row) -> line.text(r.fingerprint())));
    }

    @Override
    public String id(PaymentRecord record) {
        return record.paymentId();
    }

    @Override
    String accountId(PaymentRecord record) {
        return record.accountId();
    }

    @Override
    String fingerprint(PaymentRecord record) {
        return record.fingerprint();
    }

    @Override
    public BigDecimal amount(PaymentRecord record) {
        return record.amount();
    }
}
