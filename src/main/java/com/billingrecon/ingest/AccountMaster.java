package com.billingrecon.ingest;

import com.billingrecon.domain.FileKind;
import com.billingrecon.domain.InputFileName;
import com.billingrecon.ingest.csv.CsvHeader;
import com.billingrecon.ingest.csv.CsvRecord;
import com.billingrecon.ingest.csv.CsvRecordReader;
import com.billingrecon.ingest.csv.FileInspection;
import com.billingrecon.ingest.rows.AccountRecord;
import com.billingrecon.ingest.rows.AccountRowValidator;
import com.billingrecon.ingest.rows.AccountsFileRules;
import com.billingrecon.ingest.rows.ValidatedRow;
import com.billingrecon.ingest.rows.SourceRow;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads the account master, which every run reads whole and which applies to every day it covers.
 * It is small (one row per account), so it is loaded in one transaction rather than in chunks: the caller's.
 * Accounts are added or updated, never taken away.
 */
@Component
public class AccountMaster {

    private static final Logger log = LoggerFactory.getLogger(AccountMaster.class);

    private final InputFileStore store;
    private final JdbcTemplate jdbc;

    public AccountMaster(InputFileStore store, JdbcTemplate jdbc) {
        this.store = store;
        this.jdbc = jdbc;
    }

    /** Loads accounts.csv of {@code input} into the accounts, with its rejects and counts. */
    public void load(InputDirectory input) throws IOException {
        String file = InputFileName.ACCOUNTS;
        AccountRowValidator validator = new AccountRowValidator();
        AccountsFileRules rules = new AccountsFileRules();
        FileCounts counts = new FileCounts();
        List<AccountRecord> accepted = new ArrayList<>();
        List<RejectRow> rejects = new ArrayList<>();
        // what a rerun compares with the digest each closed day kept (BusinessDays): the days closed with
        // other accounts are replayed
        String sha256 = FileInspection.sha256(input.resolve(file));
        try (CsvRecordReader reader = new CsvRecordReader(
                Files.newBufferedReader(input.resolve(file), StandardCharsets.UTF_8))) {
            CsvHeader header = CsvHeader.of(reader.next());
            for (CsvRecord record = reader.next(); record != null; record = reader.next()) {
                SourceRow row = header.toRow(FileKind.ACCOUNTS, file, null, record);
                ValidatedRow<AccountRecord> checked = validator.check(row);
                if (checked.isValid()) {
                    checked = rules.apply(checked);
                }
                if (checked == null) {
                    counts.duplicate();
                } else if (checked.isValid()) {
                    accepted.add(checked.record());
                    counts.accepted(BigDecimal.ZERO);
                } else {
                    rejects.add(new RejectRow(file, row.line(), checked.reason(), checked.detail(), row.raw(), null));
                    counts.rejected();
                }
            }
        }
        store.register(file, FileKind.ACCOUNTS, null, "", sha256, null, null);
        store.deleteRejects(file);
        store.saveRejects(rejects);
        store.addCounts(Map.of(file, counts));
        upsert(accepted);
        log.info("accountsLoad: accounts.csv {} rows read, {} accepted, {} duplicates, {} rejected", counts.rowsRead(),
                counts.acceptedCount(), counts.duplicateCount(), counts.rejectedCount());
    }

    private void upsert(List<AccountRecord> accounts) {
        jdbc.batchUpdate("""
                INSERT INTO account (account_id, name, currency, invoicing_mode, credit_limit, tax_rate, minor_units,
                                     fingerprint, payment_terms_days, billing_address, billing_postal_code,
                                     billing_country, tax_id, peppol_id, email)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (account_id) DO UPDATE SET name = excluded.name, currency = excluded.currency,
                    invoicing_mode = excluded.invoicing_mode, credit_limit = excluded.credit_limit,
                    tax_rate = excluded.tax_rate, minor_units = excluded.minor_units,
                    fingerprint = excluded.fingerprint, payment_terms_days = excluded.payment_terms_days,
                    billing_address = excluded.billing_address,
                    billing_postal_code = excluded.billing_postal_code, billing_country = excluded.billing_country,
                    tax_id = excluded.tax_id, peppol_id = excluded.peppol_id, email = excluded.email""",
                accounts.stream().map(a -> new Object[] {a.accountId(), a.name(), a.currency(), a.mode().name(),
                        a.creditLimit(), a.taxRate(), a.minorUnits(), a.fingerprint(), a.paymentTermsDays(),
                        a.contact().billingAddress(), a.contact().billingPostalCode(), a.contact().billingCountry(),
                        a.contact().taxId(), a.contact().peppolId(), a.contact().email()}).toList());
    }
}
