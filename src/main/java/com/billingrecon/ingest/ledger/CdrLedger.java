package com.billingrecon.ingest.ledger;

import com.billingrecon.billing.LateUsageRule;
import com.billingrecon.ingest.FileCounts;
import com.billingrecon.ingest.rows.CdrRecord;
import com.billingrecon.ingest.rows.IdRules;
import com.billingrecon.ingest.rows.SourceRow;
import com.billingrecon.totals.RunningTotals;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.Collection;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * CDRs, in the three tables this class alone writes: {@code cdr_state} (one row per CDR, its latest record's
 * account, status and fingerprint: what the id rules look up), {@code cdr_history} (every accepted record,
 * append-only, one partition per billing period) and {@code cdr_superseded} (the ONGOING records a later record
 * replaced). The view {@code cdr} is every CDR's latest record.
 */
public final class CdrLedger implements LedgerKind<CdrRecord, IdRules.PriorCdr> {

    private final JdbcTemplate jdbc;

    public CdrLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String id(CdrRecord record) {
        return record.cdrId();
    }

    @Override
    public Map<String, IdRules.PriorCdr> priors(Collection<String> ids) {
        return IdLookup.byId(jdbc, "SELECT cdr_id, account_id, status, encode(fingerprint, 'hex') FROM cdr_state "
                        + "WHERE cdr_id = ANY(?)", ids,
                (rs, n) -> new IdRules.PriorCdr(rs.getString(2), CdrRecord.CdrStatus.valueOf(rs.getString(3)),
                        rs.getString(4)));
    }

    @Override
    public IdRules.Verdict decide(IdRules.PriorCdr prior, CdrRecord record) {
        return IdRules.forCdr(prior, record);
    }

    @Override
    public IdRules.PriorCdr remember(CdrRecord record) {
        return new IdRules.PriorCdr(record.accountId(), record.status(), record.fingerprint());
    }

    @Override
    public BigDecimal amount(CdrRecord record) {
        return record.amount();
    }

    @Override
    public String explain(IdRules.Verdict verdict, IdRules.PriorCdr prior, CdrRecord record) {
        return verdict == IdRules.Verdict.ALREADY_FINAL
                ? "cdr_id " + record.cdrId() + " is already " + prior.status()
                : "cdr_id " + record.cdrId() + " belongs to account " + prior.accountId();
    }

    /** The record's history row but for its file id, which is known only in the chunk's transaction. */
    @Override
    public byte[] line(CdrRecord r, SourceRow row) {
        return HISTORY.line(r, row);
    }

    /**
     * Appends the chunk's records to the history and makes each CDR's last one its state. A record that
     * replaces its CDR's ONGOING record, committed before or earlier in the chunk, leaves that one in
     * {@code cdr_superseded}.
     */
    @Override
    public void save(List<Accepted<CdrRecord>> accepted) {
        if (accepted.isEmpty()) {
            return;
        }
        Map<String, Integer> fileIds = fileIds(accepted);
        Map<LocalDate, List<byte[]>> history = new TreeMap<>(); // by billing period
        List<byte[]> supersededInChunk = new ArrayList<>();
        Map<String, LocalDate> supersededBefore = new LinkedHashMap<>();
        Map<String, Integer> last = new LinkedHashMap<>(); // each CDR's last record in the chunk, by index
        Map<String, Boolean> known = new HashMap<>(); // whether the CDR has a state row from before the chunk
        for (int n = 0; n < accepted.size(); n++) {
            Accepted<CdrRecord> a = accepted.get(n);
            CdrRecord r = a.record();
            int fileId = fileIds.get(a.row().file());
            history.computeIfAbsent(billingPeriod(r, a.row()), p -> new ArrayList<>(accepted.size()))
                    .add(withFileId(fileId, a.line()));
            if (a.replaces() >= 0) {
                Accepted<CdrRecord> replaced = accepted.get(a.replaces());
                supersededInChunk.add(SUPERSEDED.line(new Replaced(new Placed(replaced.record(), replaced.row(),
                        fileIds.get(replaced.row().file())), a.row().businessDate()), replaced.row()));
            } else if (a.replaces() == Accepted.COMMITTED) {
                supersededBefore.put(r.cdrId(), a.row().businessDate());
            }
            known.putIfAbsent(r.cdrId(), a.replaces() == Accepted.COMMITTED);
            last.put(r.cdrId(), n);
        }
        // straight into each period's partition: the server need not route every row
        history.forEach((period, lines) -> BulkCopy.lines(jdbc.getDataSource(),
                jdbc.queryForObject("SELECT cdr_history_partition(?)", String.class, Date.valueOf(period)),
                HISTORY_COLUMNS, lines));
        keepSupersededStates(supersededBefore);
        BulkCopy.lines(jdbc.getDataSource(), "cdr_superseded", SUPERSEDED_COLUMNS, supersededInChunk);
        List<byte[]> newStates = new ArrayList<>();
        List<Object[]> changedStates = new ArrayList<>();
        for (Map.Entry<String, Integer> e : last.entrySet()) {
            Accepted<CdrRecord> a = accepted.get(e.getValue());
            int fileId = fileIds.get(a.row().file());
            if (known.get(e.getKey())) {
                changedStates.add(stateValues(fileId, a));
            } else {
                newStates.add(STATE.line(new Placed(a.record(), a.row(), fileId), a.row()));
            }
        }
        BulkCopy.lines(jdbc.getDataSource(), "cdr_state", STATE_COLUMNS, newStates);
        jdbc.batchUpdate("""
                UPDATE cdr_state SET business_date = ?, status = ?::cdr_status, file_id = ?, line = ?, amount = ?,
                       account_id = ?, fingerprint = decode(?, 'hex')
                WHERE cdr_id = ?""", changedStates);
    }

    /** The chunk's duplicate rows, by file id, line and cdr_id: a rerun can decide them again from these. */
    @Override
    public void saveDuplicates(List<Duplicate> duplicates) {
        if (duplicates.isEmpty()) {
            return;
        }
        Map<String, Integer> fileIds = fileIds(duplicates.stream().map(d -> d.row().file()).distinct().toList());
        jdbc.batchUpdate("INSERT INTO cdr_duplicate (file_id, line, cdr_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                duplicates.stream().map(d -> new Object[] {fileIds.get(d.row().file()), d.row().line(), d.id()})
                        .toList());
    }

    /** The committed ONGOING records the chunk replaces, from their state rows, before those change. */
    private void keepSupersededStates(Map<String, LocalDate> replacedOn) {
        if (replacedOn.isEmpty()) {
            return;
        }
        jdbc.update("""
                INSERT INTO cdr_superseded (%s)
                SELECT s.file_id, s.line, s.business_date, r.day, s.cdr_id, s.account_id, s.amount, s.fingerprint
                FROM cdr_state s JOIN unnest(?::text[], ?::date[]) AS r (cdr_id, day) ON r.cdr_id = s.cdr_id
                """.formatted(SUPERSEDED_COLUMNS), statement -> {
                    statement.setArray(1, statement.getConnection().createArrayOf("text",
                            replacedOn.keySet().toArray()));
                    statement.setArray(2, statement.getConnection().createArrayOf("date",
                            replacedOn.values().stream().map(Date::valueOf).toArray()));
                });
    }

    /** The ids of the chunk's files, by name. */
    private Map<String, Integer> fileIds(List<Accepted<CdrRecord>> accepted) {
        return fileIds(accepted.stream().map(a -> a.row().file()).distinct().toList());
    }

    private Map<String, Integer> fileIds(Collection<String> fileNames) {
        return IdLookup.byId(jdbc, "SELECT file_name, file_id FROM input_file WHERE file_name = ANY(?)", fileNames,
                (rs, n) -> rs.getInt(2));
    }

    private static byte[] withFileId(int fileId, byte[] line) {
        byte[] id = (fileId + ",").getBytes(StandardCharsets.US_ASCII);
        byte[] whole = new byte[id.length + line.length];
        System.arraycopy(id, 0, whole, 0, id.length);
        System.arraycopy(line, 0, whole, id.length, line.length);
        return whole;
    }

    private static Object[] stateValues(int fileId, Accepted<CdrRecord> a) {
        CdrRecord r = a.record();
        boolean open = !r.status().isFinal();
        return new Object[] {Date.valueOf(a.row().businessDate()), r.status().name(), open ? fileId : null,
                open ? a.row().line() : null, open ? r.amount() : null, r.accountId(), r.fingerprint(), r.cdrId()};
    }

    /** The first day of the billing period whose history partition holds the record. */
    public static LocalDate billingPeriod(CdrRecord r, SourceRow row) {
        return LateUsageRule.billingPeriod(r.eventDate(), row.businessDate()).atDay(1);
    }

    /**
     * Makes the history partitions of these billing periods (first days) that are not there yet, ahead of a
     * partitioned ingestion: partitions taking in the same day at once must not race to create one.
     */
    public void makeHistoryPartitions(Collection<LocalDate> periods) {
        for (LocalDate period : periods) {
            jdbc.queryForObject("SELECT cdr_history_partition(?)", String.class, Date.valueOf(period));
        }
    }

    /**
     * A rerun's rollback: each CDR goes back to its latest record taken in up to that day, or away. History
     * partitions that hold only later records are emptied whole.
     */
    public void rollBackTo(LocalDate endOfDay) {
        jdbc.update("DELETE FROM cdr_duplicate WHERE file_id IN (SELECT file_id FROM input_file WHERE business_date > ?)",
                endOfDay);
        boolean earlierStates = Boolean.TRUE.equals(jdbc.queryForObject("""
                SELECT EXISTS (SELECT 1 FROM cdr_state WHERE business_date <= ?)
                       OR EXISTS (SELECT 1 FROM cdr_superseded WHERE taken_on <= ?)""", Boolean.class, endOfDay,
                endOfDay));
        if (earlierStates) {
            jdbc.update("DELETE FROM cdr_state WHERE business_date > ?", endOfDay);
            jdbc.update("""
                    INSERT INTO cdr_state (%s)
                    SELECT taken_on, 'ONGOING', file_id, line, amount, cdr_id, account_id, fingerprint FROM cdr_superseded
                    WHERE superseded_on > ? AND taken_on <= ?""".formatted(STATE_COLUMNS), endOfDay, endOfDay);
            jdbc.update("DELETE FROM cdr_superseded WHERE superseded_on > ?", endOfDay);
        } else {
            // every CDR was first taken in after that day (a rerun of the ledger's first period): emptied whole,
            // without the dead rows a delete of all of them leaves for the replay's inserts to wade through
            jdbc.execute("TRUNCATE cdr_state, cdr_superseded");
        }
        for (String partition : periods().stream().map(CdrLedger::partitionName).toList()) {
            boolean later = Boolean.TRUE.equals(jdbc.queryForObject(
                    "SELECT EXISTS (SELECT 1 FROM " + partition + " WHERE business_date > ?)", Boolean.class, endOfDay));
            if (!later) {
                continue;
            }
            boolean earlier = Boolean.TRUE.equals(jdbc.queryForObject(
                    "SELECT EXISTS (SELECT 1 FROM " + partition + " WHERE business_date <= ?)", Boolean.class, endOfDay));
            if (earlier) {
                jdbc.update("DELETE FROM " + partition + " WHERE business_date > ?", endOfDay);
            } else {
                jdbc.execute("TRUNCATE " + partition);
            }
        }
    }

    // --- a rerun that keeps the CDRs of unchanged files (tables cdr_rerun_scope and cdr_rerun_row) ---

    /** Forgets the ids and rows an earlier scope named (emptied whole: a million ids leave no dead rows behind). */
    public void clearScope() {
        jdbc.execute("TRUNCATE cdr_rerun_scope, cdr_rerun_row");
    }

    /** Adds ids to the scope of the rerun: every row of these ids from its first day on is decided again. */
    public void addToScope(Collection<String> ids) {
        jdbc.batchUpdate("INSERT INTO cdr_rerun_scope (cdr_id) VALUES (?) ON CONFLICT DO NOTHING",
                ids.stream().map(id -> new Object[] {id}).toList());
    }

    /** Adds the ids of the records these files (taken in on {@code day}) put in the ledger. */
    public void addRecordsOfFilesToScope(LocalDate day, Collection<Integer> fileIds) {
        jdbc.update("""
                INSERT INTO cdr_rerun_scope (cdr_id)
                SELECT DISTINCT cdr_id FROM cdr_history WHERE business_date = ? AND file_id = ANY(?)
                ON CONFLICT DO NOTHING""", statement -> {
                    statement.setObject(1, day);
                    statement.setArray(2, statement.getConnection().createArrayOf("integer", fileIds.toArray()));
                });
    }

    /**
     * How many ids the scope holds, once they are all in. Its statistics are refreshed first: the queries that
     * join it with a day's history must not be planned for the empty table it was (a nested loop over a million
     * ids, a day's scan each).
     */
    public long scopeSize() {
        jdbc.execute("ANALYZE cdr_rerun_scope");
        return jdbc.queryForObject("SELECT count(*) FROM cdr_rerun_scope", Long.class);
    }

    /** The days after {@code endOfDay} on which a record of an id of the scope was taken in. */
    public List<LocalDate> scopeDaysAfter(LocalDate endOfDay) {
        return jdbc.queryForList("""
                SELECT business_date FROM cdr_state WHERE cdr_id IN (SELECT cdr_id FROM cdr_rerun_scope)
                AND business_date > ?
                UNION
                SELECT taken_on FROM cdr_superseded WHERE cdr_id IN (SELECT cdr_id FROM cdr_rerun_scope) AND taken_on > ?
                ORDER BY 1""", LocalDate.class, endOfDay, endOfDay);
    }

    /**
     * Records the rows of the kept files (ids {@code kept}) that have an id of the scope: their records, duplicates
     * and id rejects, on {@code days} (the {@link #scopeDaysAfter} days; duplicates and rejects are found by id).
     *
     * @return how many rows are to be decided again
     */
    public long recordRowsToDecideAgain(List<LocalDate> days, Collection<Integer> kept) {
        Object[] keptIds = kept.toArray();
        for (LocalDate day : days) {
            jdbc.update("""
                    INSERT INTO cdr_rerun_row (file_id, line)
                    SELECT file_id, line FROM cdr_history WHERE business_date = ? AND file_id = ANY(?)
                    AND cdr_id IN (SELECT cdr_id FROM cdr_rerun_scope)""", statement -> {
                        statement.setObject(1, day);
                        statement.setArray(2, statement.getConnection().createArrayOf("integer", keptIds));
                    });
        }
        jdbc.update("""
                INSERT INTO cdr_rerun_row (file_id, line)
                SELECT file_id, line FROM cdr_duplicate WHERE file_id = ANY(?)
                AND cdr_id IN (SELECT cdr_id FROM cdr_rerun_scope)""", statement ->
                statement.setArray(1, statement.getConnection().createArrayOf("integer", keptIds)));
        jdbc.update("""
                INSERT INTO cdr_rerun_row (file_id, line)
                SELECT f.file_id, j.line FROM reject j JOIN input_file f USING (file_name)
                WHERE f.file_id = ANY(?) AND j.item_id IN (SELECT cdr_id FROM cdr_rerun_scope)""", statement ->
                statement.setArray(1, statement.getConnection().createArrayOf("integer", keptIds)));
        jdbc.execute("ANALYZE cdr_rerun_row");
        return jdbc.queryForObject("SELECT count(*) FROM cdr_rerun_row", Long.class);
    }

    /** What the rows to decide again counted for in their files' counts, by file name. */
    public Map<String, FileCounts> countsOfRowsToDecideAgain(List<LocalDate> days) {
        Map<String, FileCounts> counts = new LinkedHashMap<>();
        if (!Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM cdr_rerun_row)", Boolean.class))) {
            return counts; // the usual case of a late file of new ids: no day's history to read
        }
        Map<String, long[]> records = new HashMap<>();
        Map<String, BigDecimal> amounts = new HashMap<>();
        for (LocalDate day : days) {
            jdbc.query("""
                    SELECT f.file_name, count(*), sum(h.amount)
                    FROM cdr_history h JOIN cdr_rerun_row r ON r.file_id = h.file_id AND r.line = h.line
                    JOIN input_file f ON f.file_id = h.file_id
                    WHERE h.business_date = ? GROUP BY f.file_name""", rs -> {
                        records.computeIfAbsent(rs.getString(1), f -> new long[1])[0] += rs.getLong(2);
                        amounts.merge(rs.getString(1), rs.getBigDecimal(3), BigDecimal::add);
                    }, day);
        }
        jdbc.query("""
                SELECT f.file_name, count(*),
                       count(*) FILTER (WHERE EXISTS (SELECT 1 FROM cdr_duplicate d
                                                      WHERE d.file_id = r.file_id AND d.line = r.line)),
                       count(*) FILTER (WHERE EXISTS (SELECT 1 FROM reject j
                                                      WHERE j.file_name = f.file_name AND j.line = r.line))
                FROM cdr_rerun_row r JOIN input_file f ON f.file_id = r.file_id
                GROUP BY f.file_name ORDER BY f.file_name""", rs -> {
                    String file = rs.getString(1);
                    long accepted = records.containsKey(file) ? records.get(file)[0] : 0;
                    counts.put(file, new FileCounts(rs.getLong(2), accepted, rs.getLong(3), rs.getLong(4),
                            amounts.getOrDefault(file, BigDecimal.ZERO)));
                });
        return counts;
    }

    /**
     * A rerun's rollback that keeps the records of unchanged files: only the CDRs of the scope go back to their
     * latest record taken in up to that day (or away); their later records, and every record and duplicate of the
     * changed files ({@code changed}, taken in on {@code changedDays}) and of the rows to decide again, go.
     */
    public void rollBackKeeping(LocalDate endOfDay, List<LocalDate> scopeDays, Collection<Integer> changed,
                                Collection<LocalDate> changedDays) {
        jdbc.update("DELETE FROM cdr_duplicate WHERE file_id = ANY(?)", statement ->
                statement.setArray(1, statement.getConnection().createArrayOf("integer", changed.toArray())));
        jdbc.update("DELETE FROM cdr_duplicate d USING cdr_rerun_row r WHERE d.file_id = r.file_id AND d.line = r.line");
        String inScope = "cdr_id IN (SELECT cdr_id FROM cdr_rerun_scope)";
        jdbc.update("DELETE FROM cdr_state WHERE business_date > ? AND " + inScope, endOfDay);
        jdbc.update("""
                INSERT INTO cdr_state (%s)
                SELECT taken_on, 'ONGOING', file_id, line, amount, cdr_id, account_id, fingerprint FROM cdr_superseded
                WHERE superseded_on > ? AND taken_on <= ? AND %s""".formatted(STATE_COLUMNS, inScope), endOfDay,
                endOfDay);
        jdbc.update("DELETE FROM cdr_superseded WHERE superseded_on > ? AND " + inScope, endOfDay);
        for (LocalDate day : new TreeSet<>(union(scopeDays, changedDays))) {
            jdbc.update("DELETE FROM cdr_history WHERE business_date = ? AND " + inScope, day);
        }
    }

    private static List<LocalDate> union(Collection<LocalDate> a, Collection<LocalDate> b) {
        List<LocalDate> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** The billing periods whose history the ledger holds, oldest first (archived ones are not among them). */
    public List<YearMonth> periods() {
        return jdbc.queryForList("""
                SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                WHERE i.inhparent = 'cdr_history'::regclass ORDER BY c.relname""", String.class).stream()
                .map(name -> YearMonth.parse(name.substring(name.length() - 6), PARTITION_MONTH)).toList();
    }

    /** How many of a period's records are their CDR's latest and still ONGOING: they keep the period in the ledger. */
    public long ongoing(YearMonth period) {
        return jdbc.queryForObject("SELECT count(*) FROM " + partitionName(period) + " h WHERE status = 'ONGOING' "
                + "AND NOT EXISTS (SELECT 1 FROM cdr_superseded s WHERE s.file_id = h.file_id AND s.line = h.line)",
                Long.class);
    }

    /**
     * Writes a period's history to {@code out}: CSV with a header, the table's own columns, in the order taken in.
     *
     * @return the number of records written
     */
    public long export(YearMonth period, OutputStream out) {
        return withCopyApi(copy -> copy.copyOut("COPY (SELECT * FROM " + partitionName(period)
                + " ORDER BY business_date, file_id, line) TO STDOUT WITH (FORMAT csv, HEADER)", out));
    }

    /**
     * Takes an exported period's history out of the ledger, keeping per account what the checks recompute
     * from it (completed usage with its count and digest; how many CDRs have their latest record in it).
     */
    public void detach(YearMonth period, String fileName, long records, String sha256) {
        String partition = partitionName(period);
        jdbc.update("INSERT INTO cdr_archive (billing_period, file_name, records, sha256) VALUES (?, ?, ?, ?)",
                Date.valueOf(period.atDay(1)), fileName, records, sha256);
        jdbc.update("""
                INSERT INTO cdr_archived_total (billing_period, account_id, usage, usage_items, usage_digest,
                                                latest_records)
                SELECT ?, account_id, coalesce(sum(amount) FILTER (WHERE item_kind = 'CDR'), 0),
                       count(*) FILTER (WHERE item_kind = 'CDR'), coalesce(sum(%s) FILTER (WHERE item_kind = 'CDR'), 0),
                       count(*) FILTER (WHERE latest)
                FROM (SELECT h.account_id, CASE WHEN h.status = 'COMPLETED' THEN 'CDR' END AS item_kind,
                             h.cdr_id AS item_id, h.amount, s.file_id IS NULL AS latest
                      FROM %s h LEFT JOIN cdr_superseded s ON s.file_id = h.file_id AND s.line = h.line) r
                GROUP BY account_id""".formatted(RunningTotals.DIGEST, partition), Date.valueOf(period.atDay(1)));
        jdbc.execute("ALTER TABLE cdr_history DETACH PARTITION " + partition);
        jdbc.execute("DROP TABLE " + partition);
    }

    /** Puts an archived period's history back from its file, as it was before it was archived. */
    public long restore(YearMonth period, InputStream in) {
        jdbc.queryForObject("SELECT cdr_history_partition(?)", String.class, Date.valueOf(period.atDay(1)));
        long records = withCopyApi(copy -> copy.copyIn("COPY " + partitionName(period)
                + " FROM STDIN WITH (FORMAT csv, HEADER)", in));
        jdbc.update("DELETE FROM cdr_archive WHERE billing_period = ?", Date.valueOf(period.atDay(1)));
        return records;
    }

    /** An archived period's file and record count, if it is archived. */
    public Optional<Archived> archived(YearMonth period) {
        return jdbc.query("SELECT file_name, records, sha256 FROM cdr_archive WHERE billing_period = ?",
                (rs, n) -> new Archived(period, rs.getString(1), rs.getLong(2), rs.getString(3)),
                Date.valueOf(period.atDay(1))).stream().findFirst();
    }

    /** An archived billing period: the file it went to (its name in the archive folder), records, the file's SHA-256. */
    public record Archived(YearMonth period, String fileName, long records, String sha256) {
    }

    private interface CopyCall {
        long on(CopyManager copy) throws SQLException, IOException;
    }

    private long withCopyApi(CopyCall call) {
        Connection connection = DataSourceUtils.getConnection(jdbc.getDataSource());
        try {
            return call.on(connection.unwrap(PGConnection.class).getCopyAPI());
        } catch (SQLException e) {
            throw new IllegalStateException("COPY of the CDR history failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            DataSourceUtils.releaseConnection(connection, jdbc.getDataSource());
        }
    }

    private static final DateTimeFormatter PARTITION_MONTH = DateTimeFormatter.ofPattern("uuuuMM");

    /** As {@code cdr_history_partition} (V50) names it. */
    private static String partitionName(YearMonth period) {
        return "cdr_history_" + period.format(PARTITION_MONTH);
    }

    /** A record accepted in the chunk, with the id of its file. */
    private record Placed(CdrRecord record, SourceRow row, int fileId) {

        /** An ONGOING record's state keeps where it is and its amount, for the record that may replace it. */
        boolean open() {
            return !record.status().isFinal();
        }
    }

    /** An ONGOING record and the business date of the record that replaced it. */
    private record Replaced(Placed record, LocalDate on) {
    }

    /** The history's columns but the file id, which leads each line. */
    private static final CopyColumns<CdrRecord> HISTORY = new CopyColumns<CdrRecord>()
            .column("start_time", (line, r, row) -> line.text(r.zoneStart()))
            .column("duration_s", (line, r, row) -> line.number(r.durationSeconds()))
            .column("line", (line, r, row) -> line.number(row.line()))
            .column("billing_period", (line, r, row) -> line.date(billingPeriod(r, row)))
            .column("business_date", (line, r, row) -> line.date(row.businessDate()))
            .column("type", (line, r, row) -> line.text(r.type().name()))
            .column("status", (line, r, row) -> line.text(r.status().name()))
            .column("amount", (line, r, row) -> line.decimal(r.amount()))
            .column("cdr_id", (line, r, row) -> line.text(r.cdrId()))
            .column("account_id", (line, r, row) -> line.text(r.accountId()))
            .column("currency", (line, r, row) -> line.text(r.currency()));
    private static final String HISTORY_COLUMNS = "file_id, " + HISTORY.names();

    private static final CopyColumns<Placed> STATE = new CopyColumns<Placed>()
            .column("business_date", (line, p, row) -> line.date(row.businessDate()))
            .column("status", (line, p, row) -> line.text(p.record().status().name()))
            .column("file_id", (line, p, row) -> {
                if (p.open()) {
                    line.number(p.fileId());
                } else {
                    line.absent();
                }
            })
            .column("line", (line, p, row) -> {
                if (p.open()) {
                    line.number(row.line());
                } else {
                    line.absent();
                }
            })
            .column("amount", (line, p, row) -> {
                if (p.open()) {
                    line.decimal(p.record().amount());
                } else {
                    line.absent();
                }
            })
            .column("cdr_id", (line, p, row) -> line.text(p.record().cdrId()))
            .column("account_id", (line, p, row) -> line.text(p.record().accountId()))
            .column("fingerprint", (line, p, row) -> line.text("\\x" + p.record().fingerprint()));
    private static final String STATE_COLUMNS = STATE.names();

    private static final CopyColumns<Replaced> SUPERSEDED = new CopyColumns<Replaced>()
            .column("file_id", (line, x, row) -> line.number(x.record().fileId()))
            .column("line", (line, x, row) -> line.number(row.line()))
            .column("taken_on", (line, x, row) -> line.date(row.businessDate()))
            .column("superseded_on", (line, x, row) -> line.date(x.on()))
            .column("cdr_id", (line, x, row) -> line.text(x.record().record().cdrId()))
            .column("account_id", (line, x, row) -> line.text(x.record().record().accountId()))
            .column("amount", (line, x, row) -> line.decimal(x.record().record().amount()))
            .column("fingerprint", (line, x, row) -> line.text("\\x" + x.record().record().fingerprint()));
    private static final String SUPERSEDED_COLUMNS = SUPERSEDED.names();
}
