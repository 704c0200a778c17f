package com.billingrecon.ingest.ledger;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Bulk insert with PostgreSQL's COPY (CSV; a value is quoted only when it must be, null is written as
 * nothing), on the connection of the current (chunk) transaction, so the rows commit or roll back
 * with the reader's saved position like any other write of the chunk.
 */
final class Copy {

    private Copy() {
    }

    static void into(DataSource dataSource, String table, String columns, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        StringBuilder csv = new StringBuilder(rows.size() * 160);
        for (Object[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    csv.append(',');
                }
                if (row[i] != null) {
                    appendValue(csv, String.valueOf(row[i]));
                }
            }
            csv.append('\n');
        }
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY " + table + " (" + columns + ") FROM STDIN WITH (FORMAT csv)");
            copy.writeToCopy(bytes, 0, bytes.length);
            copy.endCopy();
        } catch (SQLException e) {
            throw new IllegalStateException("COPY into " + table + " failed: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** An empty text must be quoted (unquoted nothing is NULL); so must one with a quote, comma or line break. */
    private static void appendValue(StringBuilder csv, String value) {
        boolean plain = !value.isEmpty();
        for (int c = 0; c < value.length() && plain; c++) {
            char ch = value.charAt(c);
            plain = ch != '"' && ch != ',' && ch != '\n' && ch != '\r' && ch != '\\';
        }
        if (plain) {
            csv.append(value);
            return;
        }
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
}
