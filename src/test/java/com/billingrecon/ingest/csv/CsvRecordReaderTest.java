package com.billingrecon.ingest.csv;

import static com.billingrecon.ingest.csv.CsvRecordReader.MAX_RECORD_CODE_POINTS;
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
    void recordsThatCrossTheEndOfTheReadBufferAreReadWhole() throws IOException {
        // the buffer holds 65,536 chars: the second record starts in one fill and ends in the next
        String longValue = "x".repeat(30_000);
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

    // SPEC §8: a record is at most 65,536 code points of raw text, its final line break not counted

    private static final int LIMIT = MAX_RECORD_CODE_POINTS;

    @Test
    void aRecordOfExactlyTheLimitIsReadWholeWhateverItsFinalLineBreak() throws IOException {
        String record = "1," + "x".repeat(LIMIT - 2);

        for (String text : List.of(record + "\n2,y\n", record + "\r\n2,y\r\n", record + "\r")) {
            CsvRecord read = readAll(text).get(0);
            assertThat(read.malformed()).isFalse();
            assertThat(read.raw()).isEqualTo(record);
        }
    }

    @Test
    void aRecordOneCodePointTooLongIsMalformedHoldsItsFirst65536AndReadingResumesAtTheNextLine() throws IOException {
        String record = "1," + "x".repeat(LIMIT - 1);

        List<CsvRecord> records = readAll("h\n" + record + "\n2,y\n");

        assertThat(records).hasSize(3);
        assertThat(records.get(1).malformedDetail()).contains("longer than 65,536 characters");
        assertThat(records.get(1).raw()).isEqualTo(record.substring(0, LIMIT));
        assertThat(records.get(1).line()).isEqualTo(2L);
        assertThat(records.get(2).fields()).containsExactly("2", "y");
        assertThat(records.get(2).line()).isEqualTo(3L);
    }

    @Test
    void theLimitCountsCodePointsNotUtf16Chars() throws IOException {
        String face = "\uD83D\uDE00"; // one code point, two chars
        String fits = face.repeat(LIMIT);
        String tooLong = face.repeat(LIMIT + 1);

        List<CsvRecord> records = readAll(fits + "\n" + tooLong + "\nok\n");

        assertThat(records.get(0).fields()).containsExactly(fits);
        assertThat(records.get(1).malformedDetail()).contains("longer than");
        assertThat(records.get(1).raw()).isEqualTo(fits);
        assertThat(records.get(2).raw()).isEqualTo("ok");
    }

    @Test
    void aCrThatIsDataAtTheLimitMakesTheRecordTooLongButALineEndCrDoesNot() throws IOException {
        String full = "x".repeat(LIMIT);

        List<CsvRecord> records = readAll(full + "\r\n" + full + "\ry\nok\n");

        assertThat(records.get(0).fields()).containsExactly(full);
        assertThat(records.get(1).malformedDetail()).contains("longer than");
        assertThat(records.get(1).raw()).isEqualTo(full);
        assertThat(records.get(2).raw()).isEqualTo("ok");
    }

    @Test
    void aQuotedRecordResumesAfterTheLineHoldingIts65537thCharacterAndAQuoteOpenThereIsNotCarriedOn()
            throws IOException {
        String first = "1,\"" + "a".repeat(30_000);
        String second = "b".repeat(40_000) + "\",\"still open";
        String text = "h\n" + first + "\n" + second + "\n2,y\n3,z\n";

        List<CsvRecord> records = readAll(text);

        assertThat(records).hasSize(4);
        CsvRecord cut = records.get(1);
        assertThat(cut.line()).isEqualTo(2L);
        assertThat(cut.malformedDetail()).contains("longer than");
        assertThat(cut.raw()).isEqualTo((first + "\n" + second).substring(0, LIMIT));
        assertThat(records.get(2).fields()).containsExactly("2", "y");
        assertThat(records.get(2).line()).isEqualTo(4L);
        assertThat(records.get(3).fields()).containsExactly("3", "z");
    }

    @Test
    void aLineBreakInsideAQuotedValueCountsAndCanBeThe65537thCharacter() throws IOException {
        String first = "1,\"" + "a".repeat(LIMIT - 3);

        List<CsvRecord> records = readAll(first + "\nb\"\n2,y\n");

        assertThat(records.get(0).malformedDetail()).contains("longer than");
        assertThat(records.get(0).raw()).isEqualTo(first);
        assertThat(records.get(1).raw()).isEqualTo("b\"");
        assertThat(records.get(1).line()).isEqualTo(2L);
        assertThat(records.get(2).fields()).containsExactly("2", "y");
    }

    @Test
    void anUnterminatedQuoteEndingAtTheLimitBeforeTheFilesFinalLineBreakIsNotTooLong() throws IOException {
        String rest = "1,\"" + "a".repeat(LIMIT - 3);

        CsvRecord record = readAll(rest + "\n").get(0);

        assertThat(record.malformedDetail()).startsWith("unterminated quote");
        assertThat(record.raw()).isEqualTo(rest);
    }

    @Test
    void anUnterminatedQuoteEarlyInALongFileCutsOneRecordAndTheLaterRowsAreReadNormally() throws IOException {
        StringBuilder text = new StringBuilder("h\n1,\"open\n");
        int rows = 20_000;
        for (int i = 0; i < rows; i++) {
            text.append(i).append(",row\n");
        }

        List<CsvRecord> records = readAll(text.toString());

        String fromLine2 = text.substring("h\n".length());
        long breaksBefore65537th = fromLine2.substring(0, LIMIT).chars().filter(c -> c == '\n').count();
        long resumeLine = 2 + breaksBefore65537th + 1;
        CsvRecord cut = records.get(1);
        assertThat(cut.malformedDetail()).contains("longer than");
        assertThat(cut.raw()).isEqualTo(fromLine2.substring(0, LIMIT));
        List<CsvRecord> after = records.subList(2, records.size());
        assertThat(after).hasSize((int) (rows + 3 - resumeLine));
        assertThat(after).allSatisfy(r -> assertThat(r.fields()).containsExactly(String.valueOf(r.line() - 3), "row"));
        assertThat(after.get(0).line()).isEqualTo(resumeLine);
    }
}
