package com.billingrecon.ingest.rows;

import com.billingrecon.domain.FileKind;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.List;

/**
 * One record of an input file as it was read, before any rule is applied.
 *
 * @param file            the file's name (no folder)
 * @param businessDate    F, the date in the file's name; null for accounts.csv
 * @param line            1-based physical line where the record starts (the header is line 1)
 * @param raw             the whole raw record without its final line break
 * @param values          the values of {@code kind.columns()}, in that order ("" for an optional column
 *                        the header lacks); null when the record is malformed
 * @param malformedDetail why the record could not be read into fields; null when it could
 */
public record SourceRow(FileKind kind, String file, LocalDate businessDate, long line, String raw,
                        List<String> values, String malformedDetail) {

    public boolean malformed() {
        return values == null;
    }

    public String value(String column) {
        int index = kind.columns().indexOf(column);
        if (index < 0) {
            throw new IllegalArgumentException(kind + " has no column " + column);
        }
        return values.get(index);
    }

    /**
     * The first 128 bits of the SHA-256 (32 hex digits) of the text of every required column, each followed
     * by U+001F, in UTF-8: two rows are identical when their fingerprints are equal. A digest keeps the
     * stored rows small; SHA-256 (not MD5) so that no one can make two different rows look identical.
     */
    public String fingerprint() {
        MessageDigest sha256 = SHA_256.get();
        sha256.reset();
        List<String> columns = kind.columns();
        for (int i = 0; i < columns.size(); i++) {
            if (!FileKind.OPTIONAL_COLUMNS.contains(columns.get(i))) {
                sha256.update(values.get(i).getBytes(StandardCharsets.UTF_8));
                sha256.update(UNIT_SEPARATOR);
            }
        }
        return hex(sha256.digest(), FINGERPRINT_BYTES);
    }

    private static final byte UNIT_SEPARATOR = 0x1F;
    private static final int FINGERPRINT_BYTES = 16;
    private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    /** The first {@code bytes} bytes in lower-case hex, as PostgreSQL's encode(..., 'hex') writes them. */
    private static String hex(byte[] digest, int bytes) {
        byte[] text = new byte[2 * bytes];
        for (int i = 0; i < bytes; i++) {
            text[2 * i] = HEX_DIGITS[(digest[i] >> 4) & 0xF];
            text[2 * i + 1] = HEX_DIGITS[digest[i] & 0xF];
        }
        return new String(text, StandardCharsets.US_ASCII);
    }

    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    });
}
