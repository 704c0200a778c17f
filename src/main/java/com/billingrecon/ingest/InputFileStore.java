package com.billingrecon.ingest;

import com.billingrecon.domain.FileKind;
import com.billingrecon.domain.InputFileName;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The ledger's record of input files: registration, control counts, rejected rows, the day's listing. */
@Repository
public class InputFileStore {

    public static final String PROCESSED = "PROCESSED";
    public static final String REJECTED = "REJECTED";

    private final JdbcTemplate jdbc;

    public InputFileStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A rerun's rollback: the files dated after that day, and their rejected rows, are forgotten. */
    public void rollBackTo(LocalDate endOfDay) {
        jdbc.update("DELETE FROM reject WHERE file_name IN (SELECT file_name FROM input_file WHERE business_date > ?)",
                endOfDay);
        jdbc.update("DELETE FROM input_file WHERE business_date > ?", endOfDay);
    }

    /**
     * A dated file of the day, taken in ({@code rejection} null) or rejected whole; {@code stamp} is the
     * file's {@link FileStamp} taken before it was hashed.
     */
    public void register(String fileName, FileKind kind, LocalDate businessDate, String orderKey, String sha256,
                         String stamp, String rejection) {
        jdbc.update("""
                INSERT INTO input_file (file_name, kind, business_date, order_key, sha256, stamp, status, detail)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (file_name) DO UPDATE SET kind = excluded.kind, business_date = excluded.business_date,
                    order_key = excluded.order_key, sha256 = excluded.sha256, stamp = excluded.stamp,
                    status = excluded.status, detail = excluded.detail, rows_read = 0, accepted = 0,
                    duplicates = 0, rejected = 0, accepted_amount = 0, ids_recorded = true,
                    kept_by_rerun = false""",
                fileName, kind.label(), businessDate, orderKey, sha256, stamp,
                rejection == null ? PROCESSED : REJECTED, rejection);
    }

    /**
     * The files of a kind taken in on a day, in processing order, to be read: whole, or, for a file a rerun keeps,
     * only the rows it decides again (a kept file with none is not read).
     */
    public List<DayFileRows.FileToRead> toRead(LocalDate businessDate, FileKind kind) {
        List<DayFileRows.FileToRead> files = new ArrayList<>();
        jdbc.query("""
                SELECT f.file_name, f.kept_by_rerun,
                       (SELECT array_agg(r.line ORDER BY r.line) FROM cdr_rerun_row r WHERE r.file_id = f.file_id)
                FROM input_file f
                WHERE f.business_date = ? AND f.kind = ? AND f.status = 'PROCESSED'
                ORDER BY f.order_key COLLATE "C"
                """, rs -> {
                    if (!rs.getBoolean(2)) {
                        files.add(new DayFileRows.FileToRead(rs.getString(1), null));
                    } else if (rs.getArray(3) != null) {
                        Long[] lines = (Long[]) rs.getArray(3).getArray();
                        files.add(new DayFileRows.FileToRead(rs.getString(1),
                                Arrays.stream(lines).mapToLong(Long::longValue).toArray()));
                    }
                }, businessDate, kind.label());
        return files;
    }

    /** The files of a day an unfinished rerun keeps: they are not registered again. */
    public Set<String> keptOn(LocalDate businessDate) {
        return new HashSet<>(jdbc.queryForList(
                "SELECT file_name FROM input_file WHERE business_date = ? AND kept_by_rerun", String.class,
                businessDate));
    }

    /** A dated CDR file the ledger holds: its id, and whether its duplicates and id rejects are recorded. */
    public record CdrFile(String fileName, LocalDate businessDate, int fileId, boolean idsRecorded, long accepted) {
    }

    /** The CDR files registered for {@code from..to}. */
    public List<CdrFile> cdrFilesBetween(LocalDate from, LocalDate to) {
        return jdbc.query("""
                SELECT file_name, business_date, file_id, ids_recorded, accepted FROM input_file
                WHERE business_date BETWEEN ? AND ? AND kind = ? ORDER BY business_date, order_key COLLATE "C"
                """, (rs, n) -> new CdrFile(rs.getString(1), rs.getDate(2).toLocalDate(), rs.getInt(3),
                        rs.getBoolean(4), rs.getLong(5)), from, to, FileKind.CDR.label());
    }

    /**
     * A rerun's rollback that keeps the CDR files {@code kept} (file ids): the other files dated after that day
     * and their rejected rows are forgotten; of the kept files, the rows decided again ({@code cdr_rerun_row}) lose
     * their rejects and their part of the counts ({@code decidedAgain}, by file name), and the files are marked kept
     * until {@link #endKeeping}.
     */
    public void rollBackKeeping(LocalDate endOfDay, Collection<Integer> kept, Map<String, FileCounts> decidedAgain) {
        Integer[] keptIds = kept.toArray(Integer[]::new);
        jdbc.update("""
                DELETE FROM reject WHERE file_name IN (SELECT file_name FROM input_file WHERE business_date > ?
                                                       AND NOT file_id = ANY(?))""",
                statement -> {
                    statement.setObject(1, endOfDay);
                    statement.setArray(2, statement.getConnection().createArrayOf("integer", keptIds));
                });
        jdbc.update("""
                DELETE FROM reject j USING input_file f, cdr_rerun_row r
                WHERE j.file_name = f.file_name AND r.file_id = f.file_id AND r.line = j.line""");
        jdbc.update("DELETE FROM input_file WHERE business_date > ? AND NOT file_id = ANY(?)", statement -> {
            statement.setObject(1, endOfDay);
            statement.setArray(2, statement.getConnection().createArrayOf("integer", keptIds));
        });
        jdbc.update("UPDATE input_file SET kept_by_rerun = true WHERE file_id = ANY(?)", statement ->
                statement.setArray(1, statement.getConnection().createArrayOf("integer", keptIds)));
        List<Object[]> rows = new ArrayList<>();
        decidedAgain.forEach((file, c) -> rows.add(new Object[] {
                c.rowsRead(), c.acceptedCount(), c.duplicateCount(), c.rejectedCount(), c.acceptedAmount(), file}));
        jdbc.batchUpdate("""
                UPDATE input_file SET rows_read = rows_read - ?, accepted = accepted - ?,
                    duplicates = duplicates - ?, rejected = rejected - ?, accepted_amount = accepted_amount - ?
                WHERE file_name = ?""", rows);
    }

    /** The end of a rerun that kept files: they are files like any other again. */
    public void endKeeping() {
        jdbc.update("UPDATE input_file SET kept_by_rerun = false WHERE kept_by_rerun");
    }

    /** The SHA-256 of accounts.csv as the last accounts load read it, if it has been loaded. */
    public Optional<String> accountsSha256() {
        return jdbc.queryForList("SELECT sha256 FROM input_file WHERE file_name = ? AND sha256 IS NOT NULL",
                String.class, InputFileName.ACCOUNTS).stream().findFirst();
    }

    /** A dated file the ledger holds as processed or rejected whole. */
    public record Processed(String fileName, LocalDate businessDate) {
    }

    /** The dated files registered for {@code from..to}, in processing order. */
    public List<Processed> processedBetween(LocalDate from, LocalDate to) {
        return jdbc.query("SELECT file_name, business_date FROM input_file WHERE business_date BETWEEN ? AND ? "
                        + "ORDER BY business_date, order_key COLLATE \"C\"",
                (rs, n) -> new Processed(rs.getString(1), rs.getDate(2).toLocalDate()), from, to);
    }

    /** The SHA-256 and stamp a file was registered with. */
    public record Registered(String sha256, String stamp) {
    }

    public Optional<Registered> registered(String fileName) {
        return jdbc.query("SELECT sha256, stamp FROM input_file WHERE file_name = ?",
                (rs, n) -> new Registered(rs.getString(1), rs.getString(2)), fileName).stream().findFirst();
    }

    /** A file found unchanged by its hash: its new stamp spares the next run from reading it again. */
    public void restamp(String fileName, String stamp) {
        jdbc.update("UPDATE input_file SET stamp = ? WHERE file_name = ?", stamp, fileName);
    }

    public void addCounts(Map<String, FileCounts> countsByFile) {
        List<Object[]> rows = new ArrayList<>();
        countsByFile.forEach((file, c) -> rows.add(new Object[] {
                c.rowsRead(), c.acceptedCount(), c.duplicateCount(), c.rejectedCount(), c.acceptedAmount(), file}));
        jdbc.batchUpdate("""
                UPDATE input_file SET rows_read = rows_read + ?, accepted = accepted + ?,
                    duplicates = duplicates + ?, rejected = rejected + ?, accepted_amount = accepted_amount + ?
                WHERE file_name = ?""", rows);
    }

    public void saveRejects(List<RejectRow> rejects) {
        if (rejects.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                INSERT INTO reject (file_name, line, reason, detail, record, item_id) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (file_name, line) DO NOTHING""",
                rejects.stream().map(r -> new Object[] {r.file(), r.line(), r.reason().name(), r.detail(), r.record(),
                        r.itemId()}).toList());
    }

    public void deleteRejects(String fileName) {
        jdbc.update("DELETE FROM reject WHERE file_name = ?", fileName);
    }

    /** The names listed on a day besides its own files: UNRECOGNIZED and HELD. */
    public void replaceListing(LocalDate businessDate, List<ListingRow> rows) {
        jdbc.update("DELETE FROM day_listing WHERE business_date = ?", businessDate);
        jdbc.batchUpdate("INSERT INTO day_listing (business_date, file_name, status, detail) VALUES (?, ?, ?, ?)",
                rows.stream().map(r -> new Object[] {businessDate, r.fileName(), r.status(), r.detail()}).toList());
    }

    public record ListingRow(String fileName, String status, String detail) {
    }
}
