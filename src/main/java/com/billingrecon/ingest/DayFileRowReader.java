package com.billingrecon.ingest;

import com.billingrecon.ingest.rows.SourceRow;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Function;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemStreamSupport;

/**
 * Reads and checks the rows of one kind's files of a business day. A read-ahead thread parses rows and
 * applies {@code prepare} (the row rules that need no history, and whatever else can be done before the
 * write) while the chunk before is being written, so the CPU work overlaps the database's; rows are
 * handed over in blocks through a bounded queue, which keeps memory flat and the hand-over cheap. The
 * position saved with each chunk is that of the last row handed to the step, not of the read-ahead, so a
 * restart resumes at the first row that was not committed.
 *
 * @param <I> what one row becomes on the read-ahead thread
 */
public class DayFileRowReader<I> extends ItemStreamSupport implements ItemStreamReader<I> {

    private static final String FILE_INDEX = "file.index";
    private static final String RECORDS = "file.records";
    private static final int BLOCK = 256;
    private static final int BLOCKS_AHEAD = 32;
    private static final Block END = new Block(new Object[0], new DayFileRows.Position[0], 0, null);

    private final DayFileRows rows;
    private final Function<SourceRow, I> prepare;
    private final BlockingQueue<Block> queue = new ArrayBlockingQueue<>(BLOCKS_AHEAD);

    private Thread readAhead;
    private Block current = new Block(new Object[0], new DayFileRows.Position[0], 0, null);  // none taken yet
    private int next;
    private DayFileRows.Position handedOut;

    public DayFileRowReader(DayFileRows rows, Function<SourceRow, I> prepare, String name) {
        this.rows = rows;
        this.prepare = prepare;
        setName(name);
    }

    /** Consecutive prepared rows and the position after each; a failure ends the stream. */
    private record Block(Object[] items, DayFileRows.Position[] positions, int size, Exception failure) {
    }

    @Override
    public void open(ExecutionContext context) throws ItemStreamException {
        handedOut = new DayFileRows.Position(context.getInt(getExecutionContextKey(FILE_INDEX), 0),
                context.getLong(getExecutionContextKey(RECORDS), 0L));
        try {
            rows.open(handedOut);
        } catch (Exception e) {
            throw new ItemStreamException("cannot resume reading at " + handedOut, e);
        }
        readAhead = new Thread(this::readAhead, getName() + "-read-ahead");
        readAhead.setDaemon(true);
        readAhead.start();
    }

    private void readAhead() {
        try {
            Object[] items = new Object[BLOCK];
            DayFileRows.Position[] positions = new DayFileRows.Position[BLOCK];
            int size = 0;
            for (SourceRow row = rows.next(); row != null; row = rows.next()) {
                items[size] = prepare.apply(row);
                positions[size++] = rows.position();
                if (size == BLOCK) {
                    queue.put(new Block(items, positions, size, null));
                    items = new Object[BLOCK];
                    positions = new DayFileRows.Position[BLOCK];
                    size = 0;
                }
            }
            if (size > 0) {
                queue.put(new Block(items, positions, size, null));
            }
            queue.put(END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            queue.clear();
            queue.offer(new Block(new Object[0], new DayFileRows.Position[0], 0, e));
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public I read() throws Exception {
        while (next == current.size()) {
            if (current.failure() != null) {
                throw current.failure();
            }
            if (current == END) {
                return null;
            }
            current = queue.take();
            next = 0;
        }
        handedOut = current.positions()[next];
        return (I) current.items()[next++];
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
        current = new Block(new Object[0], new DayFileRows.Position[0], 0, null);
        next = 0;
        rows.close();
    }
}
