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
        Utf8 csv = new Utf8(rows.size() * 160);
        for (Object[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    csv.ascii(',');
                }
                if (row[i] != null) {
                    appendValue(csv, String.valueOf(row[i]));
                }
            }
            csv.ascii('\n');
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY " + table + " (" + columns + ") FROM STDIN WITH (FORMAT csv)");
            copy.writeToCopy(csv.bytes, 0, csv.length);
            copy.endCopy();
        } catch (SQLException e) {
            throw new IllegalStateException("COPY into " + table + " failed: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** An empty text must be quoted (unquoted nothing is NULL); so must one with a quote, comma or line break. */
    private static void appendValue(Utf8 csv, String value) {
        boolean plain = !value.isEmpty();
        for (int c = 0; c < value.length() && plain; c++) {
            char ch = value.charAt(c);
            plain = ch != '"' && ch != ',' && ch != '\n' && ch != '\r';
        }
        if (plain) {
            csv.text(value);
        } else {
            csv.ascii('"');
            csv.text(value.replace("\"", "\"\""));
            csv.ascii('"');
        }
    }

    /** UTF-8 bytes written straight into one growing array: rows are mostly ASCII. */
    private static final class Utf8 {
        private byte[] bytes;
        private int length;

        Utf8(int capacity) {
            bytes = new byte[capacity];
        }

        void ascii(char ch) {
            ensure(1);
            bytes[length++] = (byte) ch;
        }

        void text(String value) {
            ensure(value.length());
            for (int c = 0; c < value.length(); c++) {
                char ch = value.charAt(c);
                if (ch >= 0x80) {
                    length -= c;
                    byte[] encoded = value.getBytes(StandardCharsets.UTF_8);
                    ensure(encoded.length);
                    System.arraycopy(encoded, 0, bytes, length, encoded.length);
                    length += encoded.length;
                    return;
                }
                bytes[length++] = (byte) ch;
            }
        }

        private void ensure(int more) {
            if (length + more > bytes.length) {
                bytes = java.util.Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
            }
        }
    }
}
