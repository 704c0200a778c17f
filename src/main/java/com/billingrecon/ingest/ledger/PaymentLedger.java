package com.billingrecon.ingest.ledger;

import com.billingrecon.ingest.rows.PaymentRecord;
import com.billingrecon.ingest.rows.SourceRow;
import java.math.BigDecimal;
import org.springframework.jdbc.core.JdbcTemplate;

/** Payments: accepted once per id, applied on their file's business date in file and row order. */
public final class PaymentLedger extends OnceLedger<PaymentRecord> {

    public PaymentLedger(JdbcTemplate jdbc) {
        super(jdbc, "payment", "payment_id", "payment_id, account_id, payment_date, amount, currency, method, "
                + "invoice_ref, file_name, order_key, line, business_date, fingerprint");
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

    @Override
    public byte[] line(PaymentRecord r, SourceRow row) {
        String file = row.file();
        return new BulkCopy.Line().text(r.paymentId()).text(r.accountId()).date(r.paymentDate()).decimal(r.amount())
                .text(r.currency()).text(r.method()).text(r.invoiceRef())
                .text(file).text(file.substring(0, file.length() - ".csv".length()))
                .number(row.line()).date(row.businessDate()).text(r.fingerprint())
                .end();
    }
}
