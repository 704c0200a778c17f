package com.billingrecon.ingest.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.billingrecon.support.TestDatabase;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class CopyTest {

    @Test
    void copyKeepsEveryTextExactlyAndWritesNullAsNull() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(TestDatabase.freshDatabaseUrl());
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("CREATE TABLE t (n integer, a text, b text)");
        List<Object[]> rows = List.of(
                new Object[] {1, "plain", null},
                new Object[] {2, "with, comma", "with \"quotes\""},
                new Object[] {3, "line\nbreak\r\nand back", ""},
                new Object[] {4, "Zürich café ✓", "日本語, \"引用\""},
                new Object[] {5, "back\\slash", "\"\""});

        Copy.into(dataSource, "t", "n, a, b", rows);

        List<List<Object>> stored = jdbc.query("SELECT n, a, b FROM t ORDER BY n",
                (rs, i) -> Arrays.asList(rs.getInt(1), rs.getString(2), rs.getString(3)));
        assertThat(stored).containsExactly(
                Arrays.asList(1, "plain", null),
                Arrays.asList(2, "with, comma", "with \"quotes\""),
                Arrays.asList(3, "line\nbreak\r\nand back", ""),
                Arrays.asList(4, "Zürich café ✓", "日本語, \"引用\""),
                Arrays.asList(5, "back\\slash", "\"\""));
    }
}
