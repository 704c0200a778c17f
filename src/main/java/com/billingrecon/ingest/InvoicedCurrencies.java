package com.billingrecon.ingest;

import com.billingrecon.domain.FileKind;
import com.billingrecon.domain.InvoicingMode;
import com.billingrecon.ingest.csv.CsvHeader;
import com.billingrecon.ingest.csv.CsvRecord;
import com.billingrecon.ingest.csv.CsvRecordReader;
import com.billingrecon.ingest.rows.AccountRecord;
import com.billingrecon.ingest.rows.AccountRowValidator;
import com.billingrecon.ingest.rows.ValidatedRow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

/**
 * The currencies of the accounts of an accounts.csv that are sent invoices, read before the run starts (so
 * that documents asked for in a currency without an exchange rate are a usage error, with nothing written).
 * Rows are checked as the accounts load checks them; a rejected row counts for nothing.
 */
public final class InvoicedCurrencies {

    private InvoicedCurrencies() {
    }

    /** Empty when the file does not exist or cannot be read: the checks of the input say why. */
    public static Set<String> of(Path accountsFile) {
        Set<String> currencies = new TreeSet<>();
        if (!Files.isReadable(accountsFile)) {
            return currencies;
        }
        AccountRowValidator validator = new AccountRowValidator();
        String file = accountsFile.getFileName().toString();
        try (CsvRecordReader reader = new CsvRecordReader(
                Files.newBufferedReader(accountsFile, StandardCharsets.UTF_8))) {
            CsvRecord first = reader.next();
            if (first == null) {
                return currencies;
            }
            CsvHeader header = CsvHeader.of(first);
            for (CsvRecord record = reader.next(); record != null; record = reader.next()) {
                ValidatedRow<AccountRecord> checked = validator.check(header.toRow(FileKind.ACCOUNTS, file, null, record));
                if (checked.isValid() && checked.record().mode() != InvoicingMode.NO_INVOICE) {
                    currencies.add(checked.record().currency());
                }
            }
        } catch (IOException e) {
            return currencies;
        }
        return currencies;
    }
}
