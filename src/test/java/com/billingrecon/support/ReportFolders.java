package com.billingrecon.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Report folders as wholes: their files' bytes, their names, and the comparison of two of them byte for byte. */
public final class ReportFolders {

    /** The files of every nightly-YYYY-MM-DD folder: SPEC §7's four, then finance's three. */
    public static final List<String> DAY_FILES = List.of("balances.csv", "invoices.csv", "reconciliation.csv",
            "rejects.csv", "aging.csv", "journal.csv", "summary.html");

    private ReportFolders() {
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
}
