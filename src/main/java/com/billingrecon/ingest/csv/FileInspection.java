package com.billingrecon.ingest.csv;

import com.billingrecon.domain.FileKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * What one pass over an input file tells before its rows are read: its SHA-256 (to notice a changed file)
 * and whether it is rejected whole (empty, not UTF-8, broken header, missing or repeated column).
 *
 * @param sha256    the hex SHA-256 of the file's bytes
 * @param header    the header; null when the file is rejected whole
 * @param rejection why the file is rejected whole; null when it can be read
 */
public record FileInspection(String sha256, CsvHeader header, String rejection) {

    public boolean accepted() {
        return rejection == null;
    }

    public static FileInspection inspect(Path file, FileKind kind) throws IOException {
        MessageDigest digest = sha256Digest();
        try (InputStream bytes = new DigestInputStream(Files.newInputStream(file), digest)) {
            String rejection;
            CsvHeader header = null;
            // not closed on its own: closing it would close the bytes, still to be drained after a decoding error
            Reader text = new InputStreamReader(bytes, strictUtf8());
            try {
                CsvRecord first = new CsvRecordReader(text).next();
                // the rest is read only to hash it and to prove it is UTF-8
                drain(text);
                rejection = first == null ? "empty file" : headerProblem(first, kind);
                header = rejection == null ? new CsvHeader(first.fields()) : null;
            } catch (CharacterCodingException e) {
                drain(bytes);
                rejection = "not valid UTF-8";
            }
            return new FileInspection(HexFormat.of().formatHex(digest.digest()), header, rejection);
        }
    }

    /** The hex SHA-256 of a file's bytes, and nothing else. */
    public static String sha256(Path file) throws IOException {
        MessageDigest digest = sha256Digest();
        try (InputStream bytes = new DigestInputStream(Files.newInputStream(file), digest)) {
            drain(bytes);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String headerProblem(CsvRecord first, FileKind kind) {
        if (first.malformed()) {
            return "header is malformed: " + first.malformedDetail();
        }
        CsvHeader header = new CsvHeader(first.fields());
        List<String> missing = header.missingColumns(kind.requiredColumns());
        if (!missing.isEmpty()) {
            return "missing column(s): " + String.join(", ", missing);
        }
        List<String> duplicated = header.duplicatedColumns(kind.columns());
        if (!duplicated.isEmpty()) {
            return "repeated column(s): " + String.join(", ", duplicated);
        }
        return null;
    }

    private static CharsetDecoder strictUtf8() {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private static void drain(Reader text) throws IOException {
        char[] chunk = new char[64 * 1024];
        while (text.read(chunk) >= 0) {
            // reading is the point
        }
    }

    private static void drain(InputStream bytes) throws IOException {
        byte[] chunk = new byte[64 * 1024];
        while (bytes.read(chunk) >= 0) {
            // reading is the point: every byte must reach the digest
        }
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
