package com.billingrecon.ingest;

import com.billingrecon.ingest.rows.SourceRow;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemStreamSupport;

/**
 * Reads and checks the rows of one kind's files of a business day. A read-ahead thread parses rows and
 * applies {@code prepare} (the row rules that need no history, and whatever else can be done before the
 * write) while the chunk before is being written, so the CPU work overlaps the database's. The step's
 * item is a block of consecutive rows, not one row: the per-item work of the framework is then paid once
 * per block. Blocks pass through a bounded queue, which keeps memory flat: a block also ends once its rows'
 * raw text reaches {@link #BLOCK_CHARS}, so that the rows in flight (the queue and the chunk being written) hold
 * a bounded amount of text even when every record is near the longest a record may be. The position saved with each
 * chunk is that of the last row handed to the step, not of the read-ahead, so a restart resumes at the
 * first row that was not committed.
 *
 * @param <I> what one row becomes on the read-ahead thread
 */
public class DayFileRowReader<I> extends ItemStreamSupport implements ItemStreamReader<List<I>> {

    private static final String FILE_INDEX = "file.index";
    private static final String RECORDS = "file.records";
    private static final int BLOCKS_AHEAD = 16;
    /** Raw characters after which a block ends early: far above what 500 ordinary rows hold (~40,000). */
    static final int BLOCK_CHARS = 256 * 1024;
    private static final Logger log = LoggerFactory.getLogger(DayFileRowReader.class);
    private static final Block END = new Block(List.of(), null, null, 0);

    private final RowSource rows;
    private final Function<SourceRow, I> prepare;
    private final int blockRows;
    private final BlockingQueue<Block> queue = new ArrayBlockingQueue<>(BLOCKS_AHEAD);

    private Thread readAhead;
    private Block last;
    private RowSource.Position handedOut;
    private ProgressLine progress;

    public DayFileRowReader(RowSource rows, Function<SourceRow, I> prepare, int blockRows, String name) {
        this.rows = rows;
        this.prepare = prepare;
        this.blockRows = blockRows;
        setName(name);
    }

    /** Consecutive prepared rows and the position after the last of them; or the failure that ends reading. */
    private record Block(List<?> items, RowSource.Position end, Throwable failure, long chars) {
    }

    @Override
    public void open(ExecutionContext context) throws ItemStreamException {
        handedOut = new RowSource.Position(context.getInt(getExecutionContextKey(FILE_INDEX), 0),
                context.getLong(getExecutionContextKey(RECORDS), 0L));
        last = null;
        try {
            rows.open(handedOut);
        } catch (Exception e) {
            throw new ItemStreamException("cannot resume reading at " + handedOut, e);
        }
        progress = new ProgressLine(rows.describe() + " " + getName(), rows.totalBytes(), System.nanoTime());
        readAhead = new Thread(this::readAhead, getName() + "-read-ahead");
        readAhead.setDaemon(true);
        readAhead.start();
    }

    private void readAhead() {
        try {
            List<I> items = new ArrayList<>(blockRows);
            long chars = 0;
            for (SourceRow row = rows.next(); row != null; row = rows.next()) {
                items.add(prepare.apply(row));
                chars += row.raw().length();
                if (items.size() == blockRows || chars >= BLOCK_CHARS) {
                    queue.put(new Block(items, rows.position(), null, rows.charsRead()));
                    items = new ArrayList<>(blockRows);
                    chars = 0;
                }
            }
            if (!items.isEmpty()) {
                queue.put(new Block(items, rows.position(), null, rows.charsRead()));
            }
            queue.put(END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable e) { // an Error too: the step must fail, not wait for rows that never come
            queue.clear();
            queue.offer(new Block(List.of(), null, e, 0));
        }
    }

    /** The next block of rows, or null after the last row of the day's last file. */
    @Override
    @SuppressWarnings("unchecked")
    public List<I> read() throws Exception {
        boolean ended = last == END || (last != null && last.failure() != null);
        if (!ended) {
            last = queue.take();
        }
        if (last.failure() instanceof Exception e) {
            throw e;
        }
        if (last.failure() != null) {
            throw (Error) last.failure();
        }
        if (last == END) {
            return null;
        }
        handedOut = last.end();
        progress.advanced(last.items().size(), last.chars(), System.nanoTime()).ifPresent(log::info);
        return (List<I>) last.items();
    }

    @Override
    public void update(ExecutionContext context) throws ItemStreamException {
        context.putInt(getExecutionContextKey(FILE_INDEX), handedOut.fileIndex());
        context.putLong(getExecutionContextKey(RECORDS), handedOut.records());
    }

    @Override
    public void close() throws ItemStreamException {
        if (readAhead != null) {
            readAhead.interrupt();
            try {
                readAhead.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            readAhead = null;
        }
        queue.clear();
        rows.close();
    }
}
