package com.billingrecon.ingest.ledger;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Bulk insert with PostgreSQL's COPY (CSV; a value is quoted only when it must be, null is written as
 * nothing), on the connection of the current (chunk) transaction, so the rows commit or roll back
 * with the reader's saved position like any other write of the chunk. Lines are encoded apart from the
 * write ({@link Line}), so that work can be done before the chunk's transaction, on another thread.
 */
final class BulkCopy {

    /** Lines are sent in pieces of about this size, so the server stores them while the rest is sent. */
    private static final int SEND_BYTES = 64 * 1024;

    private BulkCopy() {
    }

    static void lines(DataSource dataSource, String table, String columns, List<byte[]> lines) {
        if (lines.isEmpty()) {
            return;
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        CopyIn copy = null;
        try {
            copy = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY " + table + " (" + columns + ") FROM STDIN WITH (FORMAT csv)");
            byte[] piece = new byte[SEND_BYTES];
            int length = 0;
            for (byte[] line : lines) {
                if (length + line.length > piece.length) {
                    copy.writeToCopy(piece, 0, length);
                    length = 0;
                }
                if (line.length > piece.length) {
                    copy.writeToCopy(line, 0, line.length);
                } else {
                    System.arraycopy(line, 0, piece, length, line.length);
                    length += line.length;
                }
            }
            copy.writeToCopy(piece, 0, length);
            copy.endCopy();
        } catch (SQLException e) {
            throw new IllegalStateException("COPY into " + table + " failed: " + e.getMessage(), e);
        } finally {
            cancelIfActive(copy);
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** A COPY left open by a failure would leave the connection unusable for the rollback. */
    private static void cancelIfActive(CopyIn copy) {
        if (copy != null && copy.isActive()) {
            try {
                copy.cancelCopy();
            } catch (SQLException ignored) {
                // the transaction fails anyway; the original exception is the one that matters
            }
        }
    }

    /** One COPY line in UTF-8, built value by value; most values are ASCII and are written byte by byte. */
    static final class Line {
        private byte[] bytes = new byte[192];
        private int length;
        private boolean started;

        Line text(String value) {
            separate();
            if (value == null || appendedPlainAscii(value)) {
                return this;
            }
            if (needsQuotes(value)) {
                ascii('"');
                utf8(value.replace("\"", "\"\""));
                ascii('"');
            } else {
                utf8(value);
            }
            return this;
        }

        /**
         * Writes, in one pass, a value that is ASCII and needs no quotes; false, with nothing written, for
         * any other value (empty, non-ASCII, or with a quote, comma or line break).
         */
        private boolean appendedPlainAscii(String value) {
            int n = value.length();
            if (n == 0) {
                return false;
            }
            ensure(n);
            for (int c = 0; c < n; c++) {
                char ch = value.charAt(c);
                if (ch >= 0x80 || ch == '"' || ch == ',' || ch == '\n' || ch == '\r') {
                    return false; // the bytes copied so far lie past the length: not written
                }
                bytes[length + c] = (byte) ch;
            }
            length += n;
            return true;
        }

        /** NULL. */
        Line absent() {
            separate();
            return this;
        }

        Line number(long value) {
            separate();
            utf8(Long.toString(value));
            return this;
        }

        Line decimal(BigDecimal value) {
            separate();
            utf8(value.toPlainString());
            return this;
        }

        /** ISO yyyy-MM-dd; null is NULL. */
        Line date(LocalDate date) {
            separate();
            if (date != null) {
                isoDate(date);
            }
            return this;
        }

        /** yyyy-MM-dd; a year before 1 in PostgreSQL's notation (year 0 is 1 BC), a year after 9999 unpadded. */
        private void isoDate(LocalDate date) {
            int year = date.getYear();
            if (year < 1 || year > 9999) {
                int shown = year < 1 ? 1 - year : year;
                utf8(String.format("%04d-%02d-%02d%s", shown, date.getMonthValue(), date.getDayOfMonth(),
                        year < 1 ? " BC" : ""));
                return;
            }
            ensure(10);
            digits(year, 4);
            bytes[length++] = '-';
            digits(date.getMonthValue(), 2);
            bytes[length++] = '-';
            digits(date.getDayOfMonth(), 2);
        }

        /** The line with its final line break. */
        byte[] end() {
            ascii('\n');
            return Arrays.copyOf(bytes, length);
        }

        private void separate() {
            if (started) {
                ascii(',');
            }
            started = true;
        }

        /** An empty text must be quoted (unquoted nothing is NULL); so must one with a quote, comma or line break. */
        private static boolean needsQuotes(String value) {
            if (value.isEmpty()) {
                return true;
            }
            for (int c = 0; c < value.length(); c++) {
                char ch = value.charAt(c);
                if (ch == '"' || ch == ',' || ch == '\n' || ch == '\r') {
                    return true;
                }
            }
            return false;
        }

        private void digits(int value, int width) {
            for (int i = width - 1; i >= 0; i--) {
                bytes[length + i] = (byte) ('0' + value % 10);
                value /= 10;
            }
            length += width;
        }

        private void ascii(char ch) {
            ensure(1);
            bytes[length++] = (byte) ch;
        }

        private void utf8(String value) {
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
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
            }
        }
    }
}
