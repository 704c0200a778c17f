package com.billingrecon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One owning class per table: the statements that write a table (INSERT INTO, UPDATE, DELETE FROM, COPY,
 * TRUNCATE) are found in the source text of one class only. A column another class owns, such as
 * {@code account.credit}, counts as a table of its own. Tables come from the migrations; a table named
 * only at run time (the ingest ledgers' COPY) is not seen here.
 */
class TableOwnersTest {

    private static final Path SOURCES = Path.of("src/main/java/com/billingrecon");
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Pattern TABLE = Pattern.compile("(?i)\\bCREATE TABLE (?:IF NOT EXISTS )?(\\w+)");
    private static final Pattern WRITE = Pattern.compile(
            "\\b(?:INSERT\\s+INTO|DELETE\\s+FROM|COPY|TRUNCATE(?:\\s+TABLE)?)\\s+([a-z_]+)\\b"
                    + "|\\bUPDATE\\s+([a-z_]+)(?:\\s+[a-z]\\w*)?\\s+SET\\s+([a-z_]+)");

    /** The owner of each table or column whose owner the design names. */
    private static final Map<String, String> OWNERS = Map.of(
            "invoice", "billing/InvoiceRegister.java",
            "allocation", "payments/SettlementStore.java",
            "account.credit", "payments/SettlementStore.java",
            // the JDBC channel's messages: the library writes them, the class that configures the channel owns them
            "int_channel_message", "ingest/partition/PartitionRequests.java",
            "cdr_partition_count", "ingest/partition/PartitionCounts.java");

    /** What a source text writes, of the given tables: a table, or a table.column whose owner is named. */
    static Set<String> writes(String source, Set<String> tables) {
        Set<String> written = new TreeSet<>();
        Matcher matcher = WRITE.matcher(source);
        while (matcher.find()) {
            String table = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
            if (!tables.contains(table)) {
                continue;
            }
            String column = table + "." + matcher.group(3);
            written.add(matcher.group(1) == null && OWNERS.containsKey(column) ? column : table);
        }
        return written;
    }

    static Set<String> tables() throws IOException {
        Set<String> tables = new TreeSet<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
                Matcher matcher = TABLE.matcher(Files.readString(file));
                while (matcher.find()) {
                    tables.add(matcher.group(1));
                }
            }
        }
        return tables;
    }

    /** Table (or owned column) → the classes whose source writes it. */
    static Map<String, Set<String>> writers() throws IOException {
        Set<String> tables = tables();
        Map<String, Set<String>> writers = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String relative = SOURCES.relativize(file).toString().replace('\\', '/');
                for (String table : writes(Files.readString(file), tables)) {
                    writers.computeIfAbsent(table, t -> new TreeSet<>()).add(relative);
                }
            }
        }
        return writers;
    }

    @Test
    void theInvoiceAllocationAndCreditAreWrittenOnlyByTheirOwners() throws IOException {
        Map<String, Set<String>> writers = writers();

        OWNERS.forEach((table, owner) -> assertThat(writers.get(table)).as(table).containsExactly(owner));
    }

    @Test
    void everyTableTheSourcesWriteHasOneWriter() throws IOException {
        List<String> shared = new ArrayList<>();
        writers().forEach((table, classes) -> {
            if (classes.size() > 1) {
                shared.add(table + " is written by " + classes);
            }
        });

        assertThat(tables()).as("the tables are found in the migrations").contains("invoice", "account");
        assertThat(shared).isEmpty();
    }

    @Test
    void aWriteIsFoundByStatementAndAnOwnedColumnApart() {
        Set<String> tables = Set.of("invoice", "account", "allocation");
        String source = """
                jdbc.update("UPDATE invoice SET status = ? WHERE invoice_no = ?", s, no);
                jdbc.update("UPDATE account a SET credit = 0 FROM account b WHERE a.account_id = b.account_id");
                jdbc.update("INSERT INTO account (account_id) VALUES (?) ON CONFLICT (account_id) DO UPDATE SET name = ?");
                jdbc.update("DELETE FROM allocation WHERE business_date > ?", day);
                // the invoices are read here, and the accounts' names updated elsewhere
                jdbc.query("SELECT paid FROM invoice JOIN allocation USING (invoice_no)");
                """;

        assertThat(writes(source, tables)).containsExactly("account", "account.credit", "allocation", "invoice");
        assertThat(writes("SELECT * FROM invoice; COPY line of a comment", tables)).isEmpty();
    }
}
