package com.billingrecon.rerun;

import com.billingrecon.domain.FileKind;
import com.billingrecon.domain.InputFileName;
import com.billingrecon.ingest.DayFileIngestion;
import com.billingrecon.ingest.DayFileRows;
import com.billingrecon.ingest.IngestionStepsConfiguration;
import com.billingrecon.ingest.InputDirectory;
import com.billingrecon.ingest.InputFileStore;
import com.billingrecon.ingest.ProcessedFiles;
import com.billingrecon.ingest.csv.FileInspection;
import com.billingrecon.ingest.ledger.CdrLedger;
import com.billingrecon.ingest.rows.CdrRecord;
import com.billingrecon.ingest.rows.SourceRow;
import com.billingrecon.ingest.rows.ValidatedRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What of the CDRs a rerun must decide again, so that it need not replay the CDR files that did not change (SPEC §6
 * asks for the books a replay of every file would give). A row's verdict (accepted, duplicate, ID_CONFLICT,
 * ALREADY_FINAL) depends only on the rows of its own cdr_id before it, so only the ids that appear in a changed,
 * new or missing CDR file of the replayed days (in what it holds now or in what the ledger took from it) can come
 * out differently: the scope. The unchanged files keep their records but for their rows of those ids (records,
 * duplicates, id rejects), which are read again from their files and decided again in processing order.
 *
 * <p>Everything is replayed instead (empty result) when the account ids or their currencies a replayed day's rows
 * were checked against changed (every row's checks may change; other changes of accounts.csv leave them), when
 * an unchanged file was taken in before its duplicates and id rejects were recorded, or when the scope is too large
 * a share of the days' records for keeping to pay.
 */
@Component
public class CdrReplayScope {

    private static final Logger log = LoggerFactory.getLogger(CdrReplayScope.class);

    /** Above this share of the replayed days' records in the scope, everything is replayed. */
    static final double LARGEST_SHARE = 0.5;
    /** Below this many records on the replayed days, the share does not matter: keeping always costs little. */
    static final long SHARE_FROM_RECORDS = 100_000;
    /** Rows to decide again above which everything is replayed: their lines are held while their file is read. */
    static final long MOST_ROWS_DECIDED_AGAIN = 1_000_000;
    private static final int IDS_PER_BATCH = 10_000;

    private final InputFileStore files;
    private final CdrLedger cdrs;
    private final DayFileIngestion<CdrRecord> cdrFiles;
    private final JdbcTemplate jdbc;

    public CdrReplayScope(InputFileStore files, CdrLedger cdrs, DayFileIngestion<CdrRecord> cdrFiles,
                          JdbcTemplate jdbc) {
        this.files = files;
        this.cdrs = cdrs;
        this.cdrFiles = cdrFiles;
        this.jdbc = jdbc;
    }

    /**
     * The CDR files a rerun keeps: the unchanged ones ({@code keptFileIds}); the changed ones the ledger holds
     * ({@code changedFileIds}, taken in on {@code changedDays}) lose their records.
     */
    public record Kept(List<Integer> keptFileIds, List<Integer> changedFileIds, Set<LocalDate> changedDays,
                       long ids, long rowsDecidedAgain) {
    }

    /**
     * Records the scope of a rerun of the days {@code from..to} (ids in {@code cdr_rerun_scope}, rows of kept files
     * in {@code cdr_rerun_row}), in the caller's transaction; empty (and nothing recorded) when everything is to be
     * replayed.
     */
    public Optional<Kept> record(InputDirectory input, LocalDate from, LocalDate to, boolean accountCurrenciesChanged,
                                 ZoneId zone) {
        cdrs.clearScope();
        if (accountCurrenciesChanged) {
            log.info("The accounts' ids or currencies changed: every CDR file from {} is replayed", from);
            return Optional.empty();
        }
        List<InputFileStore.CdrFile> registered = files.cdrFilesBetween(from, to);
        ProcessedFiles processed = new ProcessedFiles(input, files);
        List<InputFileName> present = input.recognized().stream()
                .filter(f -> f.kind() == FileKind.CDR && !f.businessDate().isBefore(from) && !f.businessDate().isAfter(to))
                .toList();
        Set<String> changedNames = new HashSet<>();
        List<InputFileName> toRead = new ArrayList<>();
        for (InputFileName file : present) {
            if (processed.whyNotAsProcessed(file).isPresent()) {
                changedNames.add(file.fileName());
                toRead.add(file);
            }
        }
        registered.stream().map(InputFileStore.CdrFile::fileName)
                .filter(name -> !Files.isRegularFile(input.resolve(name))).forEach(changedNames::add);
        List<Integer> kept = new ArrayList<>();
        List<Integer> changed = new ArrayList<>();
        Set<LocalDate> changedDays = new TreeSet<>();
        long records = 0;
        for (InputFileStore.CdrFile file : registered) {
            records += file.accepted();
            if (changedNames.contains(file.fileName())) {
                changed.add(file.fileId());
                changedDays.add(file.businessDate());
            } else if (file.idsRecorded()) {
                kept.add(file.fileId());
            } else {
                log.info("{} was taken in before its duplicates were recorded: every CDR file from {} is replayed",
                        file.fileName(), from);
                return Optional.empty();
            }
        }
        if (records >= SHARE_FROM_RECORDS && changedRows(input, registered, changedNames, toRead, records)
                > LARGEST_SHARE * records) {
            log.info("The changed CDR files hold more than half of the records from {}: every CDR file from then is "
                    + "replayed", from);
            return Optional.empty();
        }
        for (InputFileStore.CdrFile file : registered) {
            if (changedNames.contains(file.fileName())) {
                cdrs.addRecordsOfFilesToScope(file.businessDate(), List.of(file.fileId()));
            }
        }
        Function<SourceRow, ValidatedRow<CdrRecord>> checks = IngestionStepsConfiguration.checks(cdrFiles,
                zone.getId(), jdbc);
        for (InputFileName file : toRead) {
            addIdsOf(input, file, checks);
        }
        long ids = cdrs.scopeSize();
        if (records >= SHARE_FROM_RECORDS && ids > LARGEST_SHARE * records) {
            log.info("{} CDR ids of {} records changed: every CDR file from {} is replayed", ids, records, from);
            cdrs.clearScope();
            return Optional.empty();
        }
        long rows = cdrs.recordRowsToDecideAgain(cdrs.scopeDaysAfter(from.minusDays(1)), kept);
        if (rows > MOST_ROWS_DECIDED_AGAIN || (records >= SHARE_FROM_RECORDS && rows > LARGEST_SHARE * records)) {
            log.info("{} rows of unchanged files share an id with a changed file: every CDR file from {} is replayed",
                    rows, from);
            cdrs.clearScope();
            return Optional.empty();
        }
        return Optional.of(new Kept(kept, changed, changedDays, ids, rows));
    }

    /**
     * About how many rows the changed files hold, before any is read: the records the ledger took from them, and
     * the new content's size at the unchanged files' bytes per record.
     */
    private static long changedRows(InputDirectory input, List<InputFileStore.CdrFile> registered,
                                    Set<String> changedNames, List<InputFileName> toRead, long records) {
        long rows = 0;
        long keptBytes = 0;
        long keptRecords = 0;
        for (InputFileStore.CdrFile file : registered) {
            if (changedNames.contains(file.fileName())) {
                rows += file.accepted();
            } else {
                keptBytes += size(input, file.fileName());
                keptRecords += file.accepted();
            }
        }
        double bytesPerRecord = keptRecords == 0 ? 0 : (double) keptBytes / keptRecords;
        for (InputFileName file : toRead) {
            rows += bytesPerRecord == 0 ? records : (long) (size(input, file.fileName()) / bytesPerRecord);
        }
        return rows;
    }

    private static long size(InputDirectory input, String fileName) {
        try {
            return Files.size(input.resolve(fileName));
        } catch (IOException e) {
            return 0;
        }
    }

    /** The ids of the rows of a new or changed file as they are now that pass the checks needing no history. */
    private void addIdsOf(InputDirectory input, InputFileName file, Function<SourceRow, ValidatedRow<CdrRecord>> checks) {
        if (input.whyNotReadable(file.fileName()).isPresent()) {
            return; // rejected whole by the replay: none of its rows counts
        }
        try {
            if (!FileInspection.inspect(input.resolve(file.fileName()), FileKind.CDR).accepted()) {
                return;
            }
            DayFileRows rows = new DayFileRows(input, FileKind.CDR, file.businessDate(),
                    List.of(DayFileRows.FileToRead.whole(file.fileName())));
            rows.open(new DayFileRows.Position(0, 0));
            try {
                List<String> batch = new ArrayList<>(IDS_PER_BATCH);
                for (SourceRow row = rows.next(); row != null; row = rows.next()) {
                    ValidatedRow<CdrRecord> checked = checks.apply(row);
                    if (checked.isValid()) {
                        batch.add(checked.record().cdrId());
                        if (batch.size() == IDS_PER_BATCH) {
                            cdrs.addToScope(batch);
                            batch.clear();
                        }
                    }
                }
                cdrs.addToScope(batch);
            } finally {
                rows.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.fileName(), e);
        }
    }
}
