package com.billingrecon.ingest.rows;

import static org.assertj.core.api.Assertions.assertThat;

import com.billingrecon.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class SourceRowFingerprintTest {

    @Test
    void rowsWithTheSameRequiredColumnsHaveTheSameFingerprintWhateverTheOptionalInvoiceRef() {
        assertThat(TestRows.payment("invoice_ref", "INV-1").fingerprint())
                .isEqualTo(TestRows.payment("invoice_ref", "").fingerprint());
    }

    @Test
    void anyChangeInARequiredColumnChangesTheFingerprintEvenWhenTheJoinedTextLooksAlike() {
        SourceRow row = TestRows.cdr();
        assertThat(TestRows.cdr("amount", "0.2040").fingerprint()).isNotEqualTo(row.fingerprint());
        assertThat(TestRows.cdr("cdr_id", "U1A", "account_id", "1").fingerprint())
                .isNotEqualTo(TestRows.cdr("cdr_id", "U1", "account_id", "A1").fingerprint());
    }

    /** The ledger's V3 migration turns stored joined texts into fingerprints with PostgreSQL's sha256(). */
    @Test
    void theFingerprintIsTheFirst128BitsOfTheSha256OfTheRequiredColumnsEachFollowedByAUnitSeparator() {
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(TestDatabase.freshDatabaseUrl()));
        SourceRow row = TestRows.account("name", "Zürich Café, \"Ltd\" ✓");
        // accounts.csv's optional columns (payment terms, contact) are not part of "identical", like invoice_ref
        String joined = String.join("\u001F", row.kind().requiredColumns().stream().map(row::value).toList()) + "\u001F";

        assertThat(jdbc.queryForObject("SELECT encode(substr(sha256(convert_to(?, 'UTF8')), 1, 16), 'hex')", String.class, joined)).isEqualTo(row.fingerprint());
    }
}
