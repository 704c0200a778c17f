package com.billingrecon.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPEC §7: RFC 4180 quoting only when needed, and no cell of a named text column that runs as a formula. */
class CsvReportTest {

    private static final List<String> FORMULA_STARTS = List.of("=", "+", "-", "@", "\t", "\r");

    @TempDir
    Path dir;

    private String written(List<String> header, List<List<String>> rows) throws Exception {
        Path file = dir.resolve("report.csv");
        CsvReport.write(file, header, rows);
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    @Test
    void eachNamedTextColumnGetsAQuoteBeforeEachFormulaCharacter() throws Exception {
        for (String column : List.of("account_id", "invoice_no", "charge_id", "file", "detail", "record")) {
            List<List<String>> rows = new ArrayList<>();
            for (String start : FORMULA_STARTS) {
                rows.add(List.of(start + "1+2"));
            }

            String text = written(List.of(column), rows);

            assertThat(text).as(column).isEqualTo(column + "\n'=1+2\n'+1+2\n'-1+2\n'@1+2\n'\t1+2\n\"'\r1+2\"\n");
        }
    }

    @Test
    void inputTextInTheFurtherReportsColumnsIsFormulaSafeToo() throws Exception {
        List<String> header = List.of("description", "document", "document_no", "item", "item_id", "credit_note",
                "new_document", "amount");

        String text = written(header, List.of(List.of("=HYPERLINK(1)", "+P1", "-D1", "@I", "=C1", "-CN", "+N1",
                "-3.5")));

        assertThat(text).endsWith("\n'=HYPERLINK(1),'+P1,'-D1,'@I,'=C1,'-CN,'+N1,-3.5\n");
    }

    @Test
    void amountAndOtherColumnsAreWrittenAsTheyAreEvenWhenTheyBeginWithAFormulaCharacter() throws Exception {
        List<String> header = List.of("account_id", "current_balance", "amount_due", "name", "status");

        String text = written(header, List.of(List.of("-A1", "-1610.81544", "-0.2", "=cmd", "+OK")));

        assertThat(text).endsWith("\n'-A1,-1610.81544,-0.2,=cmd,+OK\n");
    }

    @Test
    void aFormulaCharacterAfterTheFirstOrAQuoteAlreadyThereChangesNothing() throws Exception {
        String text = written(List.of("detail", "record"), List.of(List.of("a=1", "'=1"), List.of(" =1", "")));

        assertThat(text).isEqualTo("detail,record\na=1,'=1\n =1,\n");
    }

    @Test
    void aValueIsQuotedOnlyWhenItHoldsACommaAQuoteOrALineBreak() throws Exception {
        String text = written(List.of("record", "name"),
                List.of(List.of("a,b", "say \"hi\""), List.of("two\nlines", "plain")));

        assertThat(text).isEqualTo("record,name\n\"a,b\",\"say \"\"hi\"\"\"\n\"two\nlines\",plain\n");
    }
}
