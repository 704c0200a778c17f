package com.billingrecon.ingest.ledger;

import com.billingrecon.ingest.rows.IdRules;
import com.billingrecon.ingest.rows.SourceRow;
import com.billingrecon.ingest.rows.PaymentRecord;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** Payments: accepted once per id, applied on their file's business date in file and row order. */
public final class PaymentLedger implements LedgerKind<PaymentRecord, IdRules.Prior> {

    private final JdbcTemplate jdbc;

    public PaymentLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String id(PaymentRecord record) {
        return record.paymentId();
    }

    @Override
    public Map<String, IdRules.Prior> priors(Collection<String> ids) {
        return IdLookup.byId(jdbc, "SELECT payment_id, account_id, fingerprint FROM payment WHERE payment_id = ANY(?)",
                ids, (rs, n) -> new IdRules.Prior(rs.getString(2), rs.getString(3)));
    }

    @Override
    public IdRules.Verdict decide(IdRules.Prior prior, PaymentRecord record) {
        return IdRules.forOnce(prior, record.accountId(), record.fingerprint());
    }

    @Override
    public IdRules.Prior remember(PaymentRecord record) {
        return new IdRules.Prior(record.accountId(), record.fingerprint());
    }

    @Override
    public BigDecimal amount(PaymentRecord record) {
        return record.amount();
    }

    @Override
    public String explain(IdRules.Verdict verdict, IdRules.Prior prior, PaymentRecord record) {
        return prior.accountId().equals(record.accountId())
                ? "payment_id " + record.paymentId() + " was accepted before with other content"
                : "payment_id " + record.paymentId() + " belongs to account " + prior.accountId();
    }

    @Override
    public byte[] line(PaymentRecord r, SourceRow row) {
        String file = row.file();
        return new Copy.Line().text(r.paymentId()).text(r.accountId()).date(r.paymentDate()).decimal(r.amount())
                .text(r.currency()).text(r.method()).text(r.invoiceRef())
                .text(file).text(file.substring(0, file.length() - ".csv".length()))
                .number(row.line()).date(row.businessDate()).text(r.fingerprint())
                .end();
    }

    @Override
    public void save(List<Accepted<PaymentRecord>> accepted) {
        Copy.lines(jdbc.getDataSource(), "payment", """
                payment_id, account_id, payment_date, amount, currency, method, invoice_ref, file_name, order_key,
                line, business_date, fingerprint""", accepted.stream().map(Accepted::line).toList());
    }
}
