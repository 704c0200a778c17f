package com.billingrecon.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads the report files as SPEC §7 says they are written (UTF-8 without BOM, LF, RFC 4180 quoting only where
 * needed), so a test can compare them with rows written by hand from the SPEC.
 */
public final class ReportFiles {

    /** The files of every nightly-YYYY-MM-DD folder: SPEC §7's four, then finance's three. */
    public static final List<String> DAY_FILES = List.of("balances.csv", "invoices.csv", "reconciliation.csv",
            "rejects.csv", "aging.csv", "journal.csv", "summary.html");

    /** In an expected row: any text at all (a free-text column the SPEC does not fix). */
    public static final String ANY = "\u0000any";
    /** In an expected row: any text but the empty one (free text that must say something). */
    public static final String NON_EMPTY = "\u0000non-empty";

    private ReportFiles() {
    }

    /** The records of a report, header included. Fails on text the writer is not allowed to produce. */
    public static List<List<String>> read(Path file) {
        String text = strictUtf8(bytes(file));
        assertThat(text).as("%s must not start with a byte-order mark", file).doesNotStartWith("\uFEFF");
        assertThat(text).as("%s must use LF line ends only", file).doesNotContain("\r");
        assertThat(text).as("%s must end its last record with LF", file).endsWith("\n");
        List<List<String>> records = parse(text, file);
        assertThat(write(records)).as("%s must quote a value only when it holds a comma, a quote or a line break", file)
                .isEqualTo(text);
        return records;
    }

    /** The rows of a report without its header, after checking the header is exactly {@code header}. */
    public static List<List<String>> rows(Path file, String header) {
        List<List<String>> records = read(file);
        assertThat(records).as("%s has a header", file).isNotEmpty();
        assertThat(String.join(",", records.get(0))).as("header of %s", file).isEqualTo(header);
        return records.subList(1, records.size());
    }

    /**
     * Asserts the rows equal {@code expected}, cell by cell, in order; {@link #ANY} and {@link #NON_EMPTY} in an
     * expected cell match free text.
     */
    public static void assertRows(Path file, List<List<String>> actual, List<List<String>> expected) {
        List<String> actualLines = new ArrayList<>();
        List<String> expectedLines = new ArrayList<>();
        for (int i = 0; i < Math.max(actual.size(), expected.size()); i++) {
            List<String> a = i < actual.size() ? actual.get(i) : null;
            List<String> e = i < expected.size() ? expected.get(i) : null;
            actualLines.add(a == null ? "<no row>" : show(a));
            expectedLines.add(e == null ? "<no row>" : show(matched(a, e)));
        }
        assertThat(actualLines).as("rows of %s", file).containsExactlyElementsOf(expectedLines);
    }

    /** {@code expected} with each free-text marker replaced by the actual cell when that cell matches it. */
    private static List<String> matched(List<String> actual, List<String> expected) {
        List<String> result = new ArrayList<>(expected);
        for (int c = 0; c < result.size(); c++) {
            String cell = result.get(c);
            String actualCell = actual != null && c < actual.size() ? actual.get(c) : null;
            if (ANY.equals(cell) && actualCell != null) {
                result.set(c, actualCell);
            } else if (NON_EMPTY.equals(cell)) {
                result.set(c, actualCell != null && !actualCell.isEmpty() ? actualCell : "<some text>");
            }
        }
        return result;
    }

    private static String show(List<String> row) {
        return String.join(" | ", row.stream().map(v -> v.replace("\n", "\\n")).toList());
    }

    /** Every file under {@code dir}, by relative path, with its bytes. */
    public static Map<String, byte[]> snapshot(Path dir) {
        Map<String, byte[]> files = new TreeMap<>();
        if (!Files.exists(dir)) {
            return files;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(p).toString(), Files.readAllBytes(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** The names in {@code dir}, sorted (hidden leftovers included). */
    public static List<String> names(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asserts two snapshots hold the same files with the same bytes, naming the first file that differs. */
    public static void assertSameFiles(Map<String, byte[]> actual, Map<String, byte[]> expected) {
        assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
        expected.forEach((name, bytes) -> assertThat(new String(actual.get(name), StandardCharsets.UTF_8))
                .as("content of %s", name).isEqualTo(new String(bytes, StandardCharsets.UTF_8)));
        expected.forEach((name, bytes) -> assertThat(actual.get(name)).as("bytes of %s", name).isEqualTo(bytes));
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new AssertionError("a report file is not valid UTF-8", e);
        }
    }

    /** RFC 4180 with LF records; a line break inside quotes is data. */
    private static List<List<String>> parse(String text, Path file) {
        List<List<String>> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        boolean quoted = false;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i += 2;
                    continue;
                }
                if (c == '"') {
                    quoted = false;
                    char next = i + 1 < text.length() ? text.charAt(i + 1) : '\n';
                    assertThat(next).as("%s: a closing quote is followed by a comma or a line end", file)
                            .isIn(',', '\n');
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                assertThat(field).as("%s: a quote may only open a field", file).isEmpty();
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n') {
                fields.add(field.toString());
                field.setLength(0);
                records.add(List.copyOf(fields));
                fields.clear();
            } else {
                field.append(c);
            }
            i++;
        }
        assertThat(quoted).as("%s: every quote is closed", file).isFalse();
        return records;
    }

    /** The minimal RFC 4180 form of the records, LF line ends. */
    private static String write(List<List<String>> records) {
        StringBuilder out = new StringBuilder();
        for (List<String> record : records) {
            for (int c = 0; c < record.size(); c++) {
                if (c > 0) {
                    out.append(',');
                }
                String v = record.get(c);
                boolean quote = v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r");
                out.append(quote ? '"' + v.replace("\"", "\"\"") + '"' : v);
            }
            out.append('\n');
        }
        return out.toString();
    }
}
