package com.billingrecon.ingest.ledger;

import static com.billingrecon.job.StepCounts.ACCEPTED;
import static com.billingrecon.job.StepCounts.DUPLICATES;
import static com.billingrecon.job.StepCounts.READ;
import static com.billingrecon.job.StepCounts.REJECTED;

import com.billingrecon.domain.RejectReason;
import com.billingrecon.ingest.FileCounts;
import com.billingrecon.ingest.InputFileStore;
import com.billingrecon.ingest.RejectRow;
import com.billingrecon.ingest.rows.ValidatedRow;
import com.billingrecon.ingest.rows.IdRules;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Applies the row rules that need history (duplicates, ID_CONFLICT, ALREADY_FINAL) to a chunk, in
 * file order, then writes accepted records, rejects and control counts in bulk. It runs inside the
 * chunk's transaction, with the reader's saved position, so a restart neither loses nor repeats a row.
 */
public final class LedgerWriter<T, P> implements ItemWriter<List<EncodedRow<T>>> {

    private final LedgerKind<T, P> kind;
    private final InputFileStore files;
    private final Consumer<Map<String, FileCounts>> counts;

    /** The chunk's control counts are added to its files' counts. */
    public LedgerWriter(LedgerKind<T, P> kind, InputFileStore files) {
        this(kind, files, files::addCounts);
    }

    /**
     * The chunk's control counts go to {@code counts}, in the chunk's transaction: a partition keeps its own, so
     * that partitions do not all update their files' one row.
     */
    public LedgerWriter(LedgerKind<T, P> kind, InputFileStore files, Consumer<Map<String, FileCounts>> counts) {
        this.kind = kind;
        this.files = files;
        this.counts = counts;
    }

    /** The latest accepted record of an id: committed before the chunk, or the chunk's accepted record at that index. */
    private record Latest<P>(P record, int acceptedAs) {
    }

    /** What the chunk's rows come to, in file order. */
    private record Decisions<T>(List<LedgerKind.Accepted<T>> accepted, List<LedgerKind.Duplicate> duplicates,
                                List<RejectRow> rejects, Map<String, FileCounts> counts) {
    }

    @Override
    public void write(Chunk<? extends List<EncodedRow<T>>> blocks) {
        List<EncodedRow<T>> rows = new ArrayList<>();
        blocks.forEach(rows::addAll);
        Decisions<T> decisions = decide(rows, latestCommitted(rows));
        kind.save(decisions.accepted());
        kind.saveDuplicates(decisions.duplicates());
        files.saveRejects(decisions.rejects());
        counts.accept(decisions.counts());
        tally(decisions.counts());
    }

    /** One query for the latest committed record of every id the valid rows name. */
    private Map<String, Latest<P>> latestCommitted(List<EncodedRow<T>> rows) {
        List<String> ids = new ArrayList<>(rows.size());
        for (EncodedRow<T> row : rows) {
            if (row.checked().isValid()) {
                ids.add(kind.id(row.checked().record()));
            }
        }
        Map<String, Latest<P>> latest = new HashMap<>(2 * ids.size() + 16);
        kind.priors(ids).forEach((id, prior) -> latest.put(id, new Latest<>(prior, LedgerKind.Accepted.COMMITTED)));
        return latest;
    }

    /** Each row against the latest accepted record of its id, which each accepted row then becomes. */
    private Decisions<T> decide(List<EncodedRow<T>> rows, Map<String, Latest<P>> latest) {
        Decisions<T> decisions = new Decisions<>(new ArrayList<>(rows.size()), new ArrayList<>(), new ArrayList<>(),
                new LinkedHashMap<>());
        String file = null;
        FileCounts fileCounts = null;
        for (EncodedRow<T> prepared : rows) {
            ValidatedRow<T> item = prepared.checked();
            if (!item.row().file().equals(file)) {
                file = item.row().file();
                fileCounts = decisions.counts().computeIfAbsent(file, f -> new FileCounts());
            }
            if (!item.isValid()) {
                decisions.rejects().add(reject(item, item.reason(), item.detail(), null));
                fileCounts.rejected();
                continue;
            }
            T record = item.record();
            String id = kind.id(record);
            Latest<P> before = latest.get(id);
            P prior = before == null ? null : before.record();
            IdRules.Verdict verdict = kind.decide(prior, record);
            switch (verdict) {
                case ACCEPT -> {
                    List<LedgerKind.Accepted<T>> accepted = decisions.accepted();
                    int replaces = before == null ? LedgerKind.Accepted.NONE : before.acceptedAs();
                    latest.put(id, new Latest<>(kind.remember(record), accepted.size()));
                    accepted.add(new LedgerKind.Accepted<>(record, item.row(), prepared.line(), replaces));
                    fileCounts.accepted(kind.amount(record));
                }
                case DUPLICATE -> {
                    decisions.duplicates().add(new LedgerKind.Duplicate(item.row(), id));
                    fileCounts.duplicate();
                }
                case ID_CONFLICT, ALREADY_FINAL -> {
                    RejectReason reason = RejectReason.valueOf(verdict.name());
                    decisions.rejects().add(reject(item, reason, kind.explain(verdict, prior, record), id));
                    fileCounts.rejected();
                }
            }
        }
        return decisions;
    }

    /** Keeps the step's own totals, saved with each chunk, for the operator's log line. */
    private static void tally(Map<String, FileCounts> counts) {
        StepContext context = StepSynchronizationManager.getContext();
        if (context == null) {
            return;
        }
        ExecutionContext step = context.getStepExecution().getExecutionContext();
        for (FileCounts c : counts.values()) {
            step.putLong(ACCEPTED, step.getLong(ACCEPTED, 0L) + c.acceptedCount());
            step.putLong(DUPLICATES, step.getLong(DUPLICATES, 0L) + c.duplicateCount());
            step.putLong(REJECTED, step.getLong(REJECTED, 0L) + c.rejectedCount());
            step.putLong(READ, step.getLong(READ, 0L) + c.rowsRead());
        }
    }

    private static RejectRow reject(ValidatedRow<?> item, RejectReason reason, String detail, String itemId) {
        return new RejectRow(item.row().file(), item.row().line(), reason, detail, item.row().raw(), itemId);
    }
}
