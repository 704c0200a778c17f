package com.billingrecon.ingest.ledger;

import com.billingrecon.domain.RejectReason;
import com.billingrecon.ingest.FileCounts;
import com.billingrecon.ingest.InputFileStore;
import com.billingrecon.ingest.RejectRow;
import com.billingrecon.ingest.rows.Checked;
import com.billingrecon.ingest.rows.IdRules;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
public final class LedgerWriter<T, P> implements ItemWriter<List<Prepared<T>>> {

    public static final String ACCEPTED = "rows.accepted";
    public static final String DUPLICATES = "rows.duplicates";
    public static final String REJECTED = "rows.rejected";
    public static final String READ = "rows.read";

    private final LedgerKind<T, P> kind;
    private final InputFileStore files;

    public LedgerWriter(LedgerKind<T, P> kind, InputFileStore files) {
        this.kind = kind;
        this.files = files;
    }

    @Override
    public void write(Chunk<? extends List<Prepared<T>>> blocks) {
        List<Prepared<T>> chunk = new ArrayList<>();
        for (List<Prepared<T>> block : blocks) {
            chunk.addAll(block);
        }
        List<String> ids = new ArrayList<>(chunk.size());
        for (Prepared<T> prepared : chunk) {
            if (prepared.checked().isValid()) {
                ids.add(kind.id(prepared.checked().record()));
            }
        }
        Map<String, Latest<P>> latest = new HashMap<>(2 * ids.size() + 16);
        kind.priors(ids).forEach((id, prior) -> latest.put(id, new Latest<>(prior, COMMITTED)));
        Map<String, FileCounts> counts = new LinkedHashMap<>();
        List<LedgerKind.Accepted<T>> accepted = new ArrayList<>(ids.size());
        List<RejectRow> rejects = new ArrayList<>();
        String file = null;
        FileCounts fileCounts = null;
        for (Prepared<T> prepared : chunk) {
            Checked<T> item = prepared.checked();
            if (!item.row().file().equals(file)) {
                file = item.row().file();
                fileCounts = counts.computeIfAbsent(file, f -> new FileCounts());
            }
            if (!item.isValid()) {
                rejects.add(reject(item, item.reason(), item.detail()));
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
                    int replaces = before == null ? LedgerKind.Accepted.NONE : before.acceptedAs();
                    latest.put(id, new Latest<>(kind.remember(record), accepted.size()));
                    accepted.add(new LedgerKind.Accepted<>(record, item.row(), prepared.line(), replaces));
                    fileCounts.accepted(kind.amount(record));
                }
                case DUPLICATE -> fileCounts.duplicate();
                case ID_CONFLICT, ALREADY_FINAL -> {
                    RejectReason reason = RejectReason.valueOf(verdict.name());
                    rejects.add(reject(item, reason, kind.explain(verdict, prior, record)));
                    fileCounts.rejected();
                }
            }
        }
        kind.save(accepted);
        files.saveRejects(rejects);
        files.addCounts(counts);
        tally(counts);
    }

    /** The latest accepted record of an id: committed before the chunk, or the chunk's accepted record at that index. */
    private record Latest<P>(P record, int acceptedAs) {
    }

    private static final int COMMITTED = LedgerKind.Accepted.COMMITTED;

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

    private static RejectRow reject(Checked<?> item, RejectReason reason, String detail) {
        return new RejectRow(item.row().file(), item.row().line(), reason, detail, item.row().raw());
    }
}
