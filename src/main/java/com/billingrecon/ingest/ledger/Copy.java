package com.billingrecon.ingest.ledger;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Bulk insert with PostgreSQL's COPY (CSV: every value quoted, null written as nothing), on the connection of the current (chunk) transaction, so the
 * rows commit or roll back with the reader's saved position like any other write of the chunk.
 */
final class Copy {

    private Copy() {
    }

    static void into(DataSource dataSource, String table, String columns, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        StringBuilder csv = new StringBuilder(rows.size() * 128);
        for (Object[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    csv.append(',');
                }
                if (row[i] == null) {
                    continue;
                }
                String value = String.valueOf(row[i]);
                csv.append('"');
                for (int c = 0; c < value.length(); c++) {
                    char ch = value.charAt(c);
                    if (ch == '"') {
                        csv.append('"');
                    }
                    csv.append(ch);
                }
                csv.append('"');
            }
            csv.append('\n');
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "COPY " + table + " (" + columns + ") FROM STDIN WITH (FORMAT csv)", new StringReader(csv.toString()));
        } catch (SQLException e) {
            throw new IllegalStateException("COPY into " + table + " failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
