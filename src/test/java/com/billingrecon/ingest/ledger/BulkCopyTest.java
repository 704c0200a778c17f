package com.billingrecon.ingest.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.billingrecon.support.TestDatabase;
import com.billingrecon.ingest.rows.StartTimeParser;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class BulkCopyTest {

    private final DriverManagerDataSource dataSource = new DriverManagerDataSource(TestDatabase.freshDatabaseUrl());
    private final JdbcTemplate jdbc = new JdbcTemplate(dataSource);

    @Test
    void copyKeepsEveryTextExactlyAndWritesNullAsNull() {
        jdbc.execute("CREATE TABLE t (n integer, a text, b text)");
        List<byte[]> lines = List.of(
                new BulkCopy.Line().number(1).text("plain").text(null).end(),
                new BulkCopy.Line().number(2).text("with, comma").text("with \"quotes\"").end(),
                new BulkCopy.Line().number(3).text("line\nbreak\r\nand back").text("").end(),
                new BulkCopy.Line().number(4).text("Zürich café ✓").text("日本語, \"引用\"").end(),
                new BulkCopy.Line().number(5).text("back\\slash").text("\"\"").end());

        BulkCopy.lines(dataSource, "t", "n, a, b", lines);

        List<List<Object>> stored = jdbc.query("SELECT n, a, b FROM t ORDER BY n",
                (rs, i) -> Arrays.asList(rs.getInt(1), rs.getString(2), rs.getString(3)));
        assertThat(stored).containsExactly(
                Arrays.asList(1, "plain", null),
                Arrays.asList(2, "with, comma", "with \"quotes\""),
                Arrays.asList(3, "line\nbreak\r\nand back", ""),
                Arrays.asList(4, "Zürich café ✓", "日本語, \"引用\""),
                Arrays.asList(5, "back\\slash", "\"\""));
    }

    @Test
    void datesNumbersAndDecimalsArriveAsTheSameValues() {
        jdbc.execute("CREATE TABLE t (n bigint, d date, amount numeric, until date)");
        List<byte[]> lines = List.of(
                new BulkCopy.Line().number(-42).date(LocalDate.of(2026, 2, 28)).decimal(new BigDecimal("0.000100"))
                        .date(null).end(),
                new BulkCopy.Line().number(Long.MAX_VALUE).date(LocalDate.of(2100, 1, 1))
                        .decimal(new BigDecimal("-12345678901234567890.5")).date(LocalDate.of(999, 12, 31)).end());

        BulkCopy.lines(dataSource, "t", "n, d, amount, until", lines);

        List<List<Object>> stored = jdbc.query("SELECT n, d::text, amount::text, until::text FROM t ORDER BY n",
                (rs, i) -> Arrays.asList(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
        assertThat(stored).containsExactly(
                Arrays.asList(-42L, "2026-02-28", "0.000100", null),
                Arrays.asList(Long.MAX_VALUE, "2100-01-01", "-12345678901234567890.5", "0999-12-31"));
    }

    @Test
    void datesBeforeYearOneAndAfterYear9999ArriveAsTheSameDates() {
        jdbc.execute("CREATE TABLE t (n integer, d date)");
        List<byte[]> lines = List.of(
                new BulkCopy.Line().number(1).date(LocalDate.of(0, 6, 1)).end(),
                new BulkCopy.Line().number(2).date(LocalDate.of(-44, 3, 15)).end(),
                new BulkCopy.Line().number(3).date(LocalDate.of(10000, 1, 1)).end());

        BulkCopy.lines(dataSource, "t", "n, d", lines);

        assertThat(jdbc.query("SELECT d FROM t ORDER BY n", (rs, i) -> rs.getObject(1, LocalDate.class)))
                .containsExactly(LocalDate.of(0, 6, 1), LocalDate.of(-44, 3, 15), LocalDate.of(10000, 1, 1));
    }

    @Test
    void anAbsentValueIsNullWhateverTheColumnType() {
        jdbc.execute("CREATE TABLE t (a text, n integer, m numeric, d date)");
        byte[] line = new BulkCopy.Line().text("x").absent().absent().absent().end();

        BulkCopy.lines(dataSource, "t", "a, n, m, d", List.of(line));

        assertThat(jdbc.queryForList("SELECT a || (n IS NULL) || (m IS NULL) || (d IS NULL) FROM t", String.class))
                .containsExactly("xtruetruetrue");
    }

    @Test
    void startTimesInTheBillingZoneAreStoredAsTheTimestampsTheyName() {
        jdbc.execute("CREATE TABLE t (n integer, start_time timestamp)");
        StartTimeParser utc = new StartTimeParser(ZoneId.of("UTC"));
        List<String> given = List.of("2026-10-05T23:59:59.1234567", "2026-10-06T02:00:00+02:00",
                "0000-01-01T07:30:00+08:00", "0000-01-01 00:00:00");
        List<byte[]> lines = new ArrayList<>();
        for (int n = 0; n < given.size(); n++) {
            lines.add(new BulkCopy.Line().number(n).text(utc.zoneTime(given.get(n)).wallClock()).end());
        }

        BulkCopy.lines(dataSource, "t", "n, start_time", lines);

        assertThat(jdbc.query("SELECT start_time FROM t ORDER BY n", (rs, i) -> rs.getObject(1, LocalDateTime.class)))
                .containsExactly(LocalDateTime.of(2026, 10, 5, 23, 59, 59, 123_456_000),
                        LocalDateTime.of(2026, 10, 6, 0, 0), LocalDateTime.of(-1, 12, 31, 23, 30),
                        LocalDateTime.of(0, 1, 1, 0, 0));
    }

    @Test
    void manyLinesAreSentInPiecesAndAllArriveInOrder() {
        jdbc.execute("CREATE TABLE t (n integer, a text)");
        List<byte[]> lines = new ArrayList<>();
        String filler = "é".repeat(100) + ",\"" + "x".repeat(300);
        for (int i = 0; i < 3000; i++) {
            lines.add(new BulkCopy.Line().number(i).text(i + filler).end());
        }
        lines.add(new BulkCopy.Line().number(3000).text("y".repeat(200_000)).end());

        BulkCopy.lines(dataSource, "t", "n, a", lines);

        assertThat(jdbc.queryForObject("SELECT count(*) FROM t WHERE a = n || ?", Long.class, filler))
                .isEqualTo(3000L);
        assertThat(jdbc.queryForObject("SELECT length(a) FROM t WHERE n = 3000", Integer.class)).isEqualTo(200_000);
    }
}
