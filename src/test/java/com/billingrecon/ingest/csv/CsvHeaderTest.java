package com.billingrecon.ingest.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.billingrecon.domain.FileKind;
import com.billingrecon.ingest.rows.SourceRow;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvHeaderTest {

    private static final LocalDate F = LocalDate.of(2026, 10, 5);

    private static CsvRecord record(String raw, String... fields) {
        return new CsvRecord(7, raw, List.of(fields), null);
    }

    @Test
    void headerNamesAreTrimmedAndCaseSensitive() {
        CsvHeader header = new CsvHeader(List.of(" charge_id ", "Account_id", "type\t"));

        assertThat(header.names()).containsExactly("charge_id", "Account_id", "type");
        assertThat(header.missingColumns(List.of("charge_id", "account_id", "type"))).containsExactly("account_id");
    }

    @Test
    void missingColumnsAreListedInTheOrderRequired() {
        CsvHeader header = new CsvHeader(List.of("payment_id", "amount"));

        assertThat(header.missingColumns(FileKind.PAYMENTS.requiredColumns()))
                .containsExactly("account_id", "payment_date", "currency", "method");
    }

    @Test
    void columnsAreMatchedByNameInAnyOrderAndUnknownExtraColumnsAreIgnored() {
        CsvHeader header = new CsvHeader(List.of("note", "description", "currency", "amount", "charge_date", "type",
                "account_id", "charge_id"));

        SourceRow row = header.toRow(FileKind.CHARGES, "charges-2026-10-05.csv", F,
                record("raw", "n", "d", "SGD", "5", "2026-10-01", "ADDON", "A1", "C1"));

        assertThat(row.values()).containsExactly("C1", "A1", "ADDON", "2026-10-01", "5", "SGD", "d");
        assertThat(row.line()).isEqualTo(7L);
        assertThat(row.raw()).isEqualTo("raw");
        assertThat(row.file()).isEqualTo("charges-2026-10-05.csv");
        assertThat(row.businessDate()).isEqualTo(F);
    }

    @Test
    void absentOptionalColumnReadsAsEmpty() {
        CsvHeader header = new CsvHeader(List.of("payment_id", "account_id", "payment_date", "amount", "currency",
                "method"));

        SourceRow row = header.toRow(FileKind.PAYMENTS, "p.csv", F, record("r", "P1", "A1", "2026-10-05", "5", "SGD", "GIRO"));

        assertThat(row.value("invoice_ref")).isEmpty();
        assertThat(row.malformed()).isFalse();
    }

    @Test
    void valuesAreNotTrimmed() {
        CsvHeader header = new CsvHeader(List.of("account_id", "name", "currency", "invoicing_mode", "credit_limit",
                "tax_rate"));

        SourceRow row = header.toRow(FileKind.ACCOUNTS, "accounts.csv", null, record("r", " A1", "n ", "SGD", "NO_INVOICE", "0", "0"));

        assertThat(row.value("account_id")).isEqualTo(" A1");
        assertThat(row.value("name")).isEqualTo("n ");
    }

    @Test
    void fieldCountDifferentFromTheHeaderIsMalformed() {
        CsvHeader header = new CsvHeader(List.of("a", "b", "c", "d", "e", "f", "g", "h", "cdr_id"));

        SourceRow row = header.toRow(FileKind.CDR, "cdr.csv", F, record("1,2,3,4,5,6,7,8", "1", "2", "3", "4", "5", "6", "7", "8"));

        assertThat(row.malformed()).isTrue();
        assertThat(row.values()).isNull();
        assertThat(row.malformedDetail()).isEqualTo("8 fields, header has 9");
        assertThat(row.raw()).isEqualTo("1,2,3,4,5,6,7,8");
    }

    @Test
    void recordWithBrokenQuotingIsAMalformedRowWithItsDetail() {
        CsvHeader header = new CsvHeader(List.of("a"));

        SourceRow row = header.toRow(FileKind.CDR, "cdr.csv", F, new CsvRecord(3, "a\"b", null, "bare quote in unquoted field 1"));

        assertThat(row.malformed()).isTrue();
        assertThat(row.malformedDetail()).isEqualTo("bare quote in unquoted field 1");
        assertThat(row.line()).isEqualTo(3L);
    }

    @Test
    void lineOfBlanksIsMalformedEvenWhenTheFieldCountMatches() {
        CsvHeader header = new CsvHeader(List.of("only"));

        SourceRow row = header.toRow(FileKind.CDR, "cdr.csv", F, record("  \t ", "  \t "));

        assertThat(row.malformed()).isTrue();
        assertThat(row.malformedDetail()).isEqualTo("line of blanks");
    }

    @Test
    void headerIsMadeFromAWellFormedFirstRecordOnly() {
        assertThat(CsvHeader.of(new CsvRecord(1, " a ,b", List.of(" a ", "b"), null)).names()).containsExactly("a", "b");
        assertThatThrownBy(() -> CsvHeader.of(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CsvHeader.of(new CsvRecord(1, "\"a", null, "unterminated quote")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void columnsNamedTwiceAreReported() {
        CsvHeader header = new CsvHeader(List.of("amount", "x", " amount", "x"));

        assertThat(header.duplicatedColumns(List.of("amount", "currency"))).containsExactly("amount");
    }
}
