package com.billingrecon.ingest.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRecordReaderTest {

    private static List<CsvRecord> readAll(String text) throws IOException {
        List<CsvRecord> records = new ArrayList<>();
        try (CsvRecordReader reader = new CsvRecordReader(new StringReader(text))) {
            for (CsvRecord record = reader.next(); record != null; record = reader.next()) {
                records.add(record);
            }
        }
        return records;
    }

    @Test
    void recordsAreSplitIntoFieldsAtCommasWithLfLineEnds() throws IOException {
        List<CsvRecord> records = readAll("a,b,c\n1,2,3\n");

        assertThat(records).extracting(CsvRecord::fields).containsExactly(List.of("a", "b", "c"), List.of("1", "2", "3"));
        assertThat(records).extracting(CsvRecord::line).containsExactly(1L, 2L);
        assertThat(records).extracting(CsvRecord::raw).containsExactly("a,b,c", "1,2,3");
    }

    @Test
    void crlfLineEndsAreNotPartOfTheLastValueNorOfTheRaw() throws IOException {
        List<CsvRecord> records = readAll("a,b\r\n1,2\r\n");

        assertThat(records).extracting(CsvRecord::fields).containsExactly(List.of("a", "b"), List.of("1", "2"));
        assertThat(records).extracting(CsvRecord::raw).containsExactly("a,b", "1,2");
    }

    @Test
    void lastLineWithoutLineBreakIsARecord() throws IOException {
        List<CsvRecord> records = readAll("a,b\n1,2");

        assertThat(records).hasSize(2);
        assertThat(records.get(1).fields()).containsExactly("1", "2");
    }

    @Test
    void carriageReturnBeforeEndOfInputBelongsToTheLineEnd() throws IOException {
        assertThat(readAll("1,2\r").get(0).fields()).containsExactly("1", "2");
    }

    @Test
    void loneCarriageReturnInsideAValueIsData() throws IOException {
        assertThat(readAll("a\rb,c\n").get(0).fields()).containsExactly("a\rb", "c");
    }

    @Test
    void byteOrderMarkAtTheVeryStartIsDropped() throws IOException {
        CsvRecord header = readAll("\uFEFFa,b\n").get(0);

        assertThat(header.fields()).containsExactly("a", "b");
        assertThat(header.raw()).isEqualTo("a,b");
    }

    @Test
    void byteOrderMarkAfterTheStartIsData() throws IOException {
        assertThat(readAll("a\n\uFEFFb\n").get(1).fields()).containsExactly("\uFEFFb");
    }

    @Test
    void blankLinesAreSkippedAndNotCountedAsRecordsButLinesStayPhysical() throws IOException {
        List<CsvRecord> records = readAll("\na\n\n\r\nb\r\n\n");

        assertThat(records).extracting(CsvRecord::raw).containsExactly("a", "b");
        assertThat(records).extracting(CsvRecord::line).containsExactly(2L, 5L);
    }

    @Test
    void lineOfBlanksIsARecordNotABlankLine() throws IOException {
        List<CsvRecord> records = readAll("a,b\n   \n\t\n");

        assertThat(records).extracting(CsvRecord::raw).containsExactly("a,b", "   ", "\t");
        assertThat(records.get(1).fields()).containsExactly("   ");
    }

    @Test
    void valuesAreNotTrimmed() throws IOException {
        assertThat(readAll(" a , b \n").get(0).fields()).containsExactly(" a ", " b ");
    }

    @Test
    void trailingCommaGivesAnEmptyLastField() throws IOException {
        assertThat(readAll("a,\n,\n").get(0).fields()).containsExactly("a", "");
        assertThat(readAll("a,\n,\n").get(1).fields()).containsExactly("", "");
    }

    @Test
    void quotedCommasStayInTheValue() throws IOException {
        CsvRecord record = readAll("1,\"Tan, Ah Kow\",x\n").get(0);

        assertThat(record.fields()).containsExactly("1", "Tan, Ah Kow", "x");
        assertThat(record.raw()).isEqualTo("1,\"Tan, Ah Kow\",x");
    }

    @Test
    void doubledQuotesInAQuotedValueAreOneQuote() throws IOException {
        assertThat(readAll("\"say \"\"hi\"\"\",\"\"\"\",\"\"\n").get(0).fields())
                .containsExactly("say \"hi\"", "\"", "");
    }

    @Test
    void quotedLineBreaksSpanPhysicalLinesAndTheRecordStartsWhereItBegins() throws IOException {
        List<CsvRecord> records = readAll("h1,h2\n1,\"two\nlines\n\nand a blank\"\n2,x\n");

        assertThat(records.get(1).line()).isEqualTo(2L);
        assertThat(records.get(1).fields()).containsExactly("1", "two\nlines\n\nand a blank");
        assertThat(records.get(1).raw()).isEqualTo("1,\"two\nlines\n\nand a blank\"");
        assertThat(records.get(2).line()).isEqualTo(6L);
        assertThat(records.get(2).fields()).containsExactly("2", "x");
    }

    @Test
    void quotedCrlfLineBreaksAreKeptAsInTheFile() throws IOException {
        CsvRecord record = readAll("1,\"a\r\nb\"\r\n2,c\r\n").get(0);

        assertThat(record.fields()).containsExactly("1", "a\r\nb");
        assertThat(record.raw()).isEqualTo("1,\"a\r\nb\"");
    }

    @Test
    void bareQuoteInsideAnUnquotedValueIsMalformedAndReadingResumesAtTheNextLine() throws IOException {
        List<CsvRecord> records = readAll("a,b\n1,ab\"c,\"d\n2,e\n");

        assertThat(records.get(1).malformed()).isTrue();
        assertThat(records.get(1).fields()).isNull();
        assertThat(records.get(1).raw()).isEqualTo("1,ab\"c,\"d");
        assertThat(records.get(1).malformedDetail()).contains("bare quote in unquoted field 2");
        assertThat(records.get(2).fields()).containsExactly("2", "e");
        assertThat(records.get(2).line()).isEqualTo(3L);
    }

    @Test
    void textAfterAClosingQuoteIsMalformed() throws IOException {
        List<CsvRecord> records = readAll("\"ab\"c,d\r\n\"x\" ,y\nok\n");

        assertThat(records.get(0).malformedDetail()).contains("after closing quote in field 1");
        assertThat(records.get(0).raw()).isEqualTo("\"ab\"c,d");
        assertThat(records.get(1).malformedDetail()).contains("after closing quote in field 1");
        assertThat(records.get(2).fields()).containsExactly("ok");
    }

    @Test
    void brokenQuotingInAMultiLineRecordIsMalformedUpToItsCurrentLine() throws IOException {
        List<CsvRecord> records = readAll("1,\"a\nb\"x\n2,c\n");

        assertThat(records.get(0).malformed()).isTrue();
        assertThat(records.get(0).line()).isEqualTo(1L);
        assertThat(records.get(0).raw()).isEqualTo("1,\"a\nb\"x");
        assertThat(records.get(1).fields()).containsExactly("2", "c");
        assertThat(records.get(1).line()).isEqualTo(3L);
    }

    @Test
    void unterminatedQuoteMakesTheRestOfTheFileOneMalformedRecord() throws IOException {
        List<CsvRecord> records = readAll("h\n1,\"open\n2,x\n\n3,y\r\n");

        assertThat(records).hasSize(2);
        CsvRecord rest = records.get(1);
        assertThat(rest.malformed()).isTrue();
        assertThat(rest.line()).isEqualTo(2L);
        assertThat(rest.raw()).isEqualTo("1,\"open\n2,x\n\n3,y");
        assertThat(rest.malformedDetail()).isEqualTo("unterminated quote in field 2 opened on line 2");
    }

    @Test
    void unterminatedQuoteOnTheLastLineWithoutLineBreakIsMalformed() throws IOException {
        CsvRecord record = readAll("1,\"open").get(0);

        assertThat(record.malformed()).isTrue();
        assertThat(record.raw()).isEqualTo("1,\"open");
    }

    @Test
    void emptyInputAndAByteOrderMarkAloneHaveNoRecord() throws IOException {
        assertThat(readAll("")).isEmpty();
        assertThat(readAll("\uFEFF")).isEmpty();
        assertThat(readAll("\uFEFF\r\n\n")).isEmpty();
    }

    @Test
    void recordsLongerThanTheReadBufferAreReadWhole() throws IOException {
        String longValue = "x".repeat(200_000);
        List<CsvRecord> records = readAll("1," + longValue + "\n2,\"" + longValue + "\r\n" + longValue + "\"\n3,z");

        assertThat(records.get(0).fields().get(1)).isEqualTo(longValue);
        assertThat(records.get(1).fields().get(1)).isEqualTo(longValue + "\r\n" + longValue);
        assertThat(records.get(2).line()).isEqualTo(4L);
    }

    @Test
    void restartSkipsTheRecordsReturnedSoFarByCallingNext() throws IOException {
        String text = "h\n\n1,a\n2,\"b\nb\"\n3,\"bad\"x\n\n4,d\n";
        List<CsvRecord> all = readAll(text);
        for (int returned = 0; returned <= all.size(); returned++) {
            try (CsvRecordReader restarted = new CsvRecordReader(new StringReader(text))) {
                for (int i = 0; i < returned; i++) {
                    restarted.next();
                }
                assertThat(restarted.next()).isEqualTo(returned < all.size() ? all.get(returned) : null);
            }
        }
    }
}
