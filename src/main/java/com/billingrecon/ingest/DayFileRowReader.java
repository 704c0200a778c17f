package com.billingrecon.ingest;

import com.billingrecon.ingest.rows.Checked;
import com.billingrecon.ingest.rows.SourceRow;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Function;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemStreamSupport;

/**
 * Reads and checks the rows of one kind's files of a business day. A read-ahead thread parses and
 * applies the row rules that need no history while the chunk before is being written, so the CPU
 * work overlaps the database's; a bounded queue keeps memory flat. The position saved with each
 * chunk is that of the last row handed to the step, not of the read-ahead, so a restart resumes at
 * the first row that was not committed.
 */
public class DayFileRowReader<T> extends ItemStreamSupport implements ItemStreamReader<Checked<T>> {

    private static final String FILE_INDEX = "file.index";
    private static final String RECORDS = "file.records";
    private static final int READ_AHEAD = 8192;
    private static final Object END = new Object();

    private final DayFileRows rows;
    private final Function<SourceRow, Checked<T>> checks;
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(READ_AHEAD);

    private Thread readAhead;
    private DayFileRows.Position handedOut;

    public DayFileRowReader(DayFileRows rows, Function<SourceRow, Checked<T>> checks, String name) {
        this.rows = rows;
        this.checks = checks;
        setName(name);
    }

    private record Item(Object checked, DayFileRows.Position position) {
    }

    private record Failure(Exception cause) {
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
            for (SourceRow row = rows.next(); row != null; row = rows.next()) {
                queue.put(new Item(checks.apply(row), rows.position()));
            }
            queue.put(END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            queue.clear();
            queue.offer(new Failure(e));
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public Checked<T> read() throws Exception {
        Object next = queue.take();
        if (next == END) {
            queue.put(END);
            return null;
        }
        if (next instanceof Failure failure) {
            queue.put(failure);
            throw failure.cause();
        }
        Item item = (Item) next;
        handedOut = item.position();
        return (Checked<T>) item.checked();
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
