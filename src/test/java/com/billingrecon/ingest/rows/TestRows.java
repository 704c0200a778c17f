package com.billingrecon.ingest.rows;

import com.billingrecon.domain.FileKind;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Rows for the validator tests: a valid row of each kind, with some values changed. */
final class TestRows {

    static final LocalDate F = LocalDate.of(2026, 10, 5);

    /** A1 and A2 bill in SGD, J1 in JPY. */
    static final AccountLookup ACCOUNTS = id -> Optional.ofNullable(
            Map.of("A1", "SGD", "A2", "SGD", "J1", "JPY").get(id));

    private TestRows() {
    }

    static SourceRow account(String... changes) {
        return row(FileKind.ACCOUNTS, null, Map.of("account_id", "A1", "name", "Tan, Ah Kow", "currency", "SGD",
                "invoicing_mode", "CONSOLIDATED_MONTHLY", "credit_limit", "500", "tax_rate", "0.09",
                "payment_terms_days", ""), changes);
    }

    static SourceRow cdr(String... changes) {
        return row(FileKind.CDR, F, Map.of("cdr_id", "U1", "account_id", "A1", "type", "CALL",
                "start_time", "2026-10-05T10:15:30+08:00", "duration_s", "60", "amount", "0.204", "currency", "SGD",
                "status", "COMPLETED"), changes);
    }

    static SourceRow charge(String... changes) {
        return row(FileKind.CHARGES, F, Map.of("charge_id", "C1", "account_id", "A1", "type", "SUBSCRIPTION",
                "charge_date", "2026-10-01", "amount", "39.90", "currency", "SGD", "description", "plan"), changes);
    }

    static SourceRow payment(String... changes) {
        return row(FileKind.PAYMENTS, F, Map.of("payment_id", "P1", "account_id", "A1", "payment_date", "2026-10-04",
                "amount", "100", "currency", "SGD", "method", "GIRO", "invoice_ref", ""), changes);
    }

    static SourceRow malformed(FileKind kind) {
        return new SourceRow(kind, "x.csv", F, 4, "1,2", null, "2 fields, header has 8");
    }

    private static SourceRow row(FileKind kind, LocalDate businessDate, Map<String, String> valid, String... changes) {
        Map<String, String> values = new LinkedHashMap<>(valid);
        for (int i = 0; i < changes.length; i += 2) {
            if (!values.containsKey(changes[i])) {
                throw new IllegalArgumentException(kind + " has no column " + changes[i]);
            }
            values.put(changes[i], changes[i + 1]);
        }
        List<String> ordered = kind.columns().stream().map(values::get).toList();
        return new SourceRow(kind, "test.csv", businessDate, 2, String.join(",", ordered), ordered, null);
    }
}
