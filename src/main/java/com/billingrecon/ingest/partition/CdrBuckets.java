package com.billingrecon.ingest.partition;

import com.billingrecon.domain.FileKind;
import com.billingrecon.ingest.RowSource;
import com.billingrecon.ingest.rows.SourceRow;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * The day's CDR rows split into P bucket files by {@code hash(cdr_id) mod P}, each row as it was read (file, line,
 * raw record and its fields, or why it could not be read into fields), in processing order. All rows of one
 * cdr_id are in one bucket, in the order they were read, so the id rules give in a bucket what they give over the
 * whole day. A bucket is written aside and renamed into place once complete, and never changed after.
 */
public final class CdrBuckets {

    private final Path folder;
    private final int partitions;

    public CdrBuckets(Path folder, int partitions) {
        this.folder = folder;
        this.partitions = partitions;
    }

    public Path folder() {
        return folder;
    }

    public int partitions() {
        return partitions;
    }

    /** Bucket {@code p} of P: {@code cdr-3-of-7.rows}. */
    public Path bucket(int p) {
        return folder.resolve("cdr-" + p + "-of-" + partitions + ".rows");
    }

    /**
     * The bucket of a row: by its cdr_id when it has fields; a row that could not be read into fields has no id
     * the rules would look at, and is spread by its line.
     */
    public static int bucketOf(SourceRow row, int partitions) {
        int hash = row.malformed() ? Long.hashCode(row.line()) : row.value("cdr_id").hashCode();
        return Math.floorMod(hash, partitions);
    }

    /** Writes the buckets; {@link #commit()} puts them in place, {@link #close()} without it leaves nothing. */
    public Writer writer() throws IOException {
        return new Writer();
    }

    public final class Writer implements AutoCloseable {

        private final DataOutputStream[] out = new DataOutputStream[partitions];
        private boolean committed;

        private Writer() throws IOException {
            Files.createDirectories(folder);
            for (int p = 0; p < partitions; p++) {
                out[p] = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(aside(p)), 1 << 16));
            }
        }

        public void write(SourceRow row) throws IOException {
            DataOutputStream o = out[bucketOf(row, partitions)];
            text(o, row.file());
            o.writeLong(row.line());
            text(o, row.raw());
            if (row.malformed()) {
                o.writeInt(-1);
                text(o, row.malformedDetail());
            } else {
                o.writeInt(row.values().size());
                for (String value : row.values()) {
                    text(o, value);
                }
            }
        }

        /** Flushes each bucket to disk and renames it into place. */
        public void commit() throws IOException {
            for (int p = 0; p < partitions; p++) {
                out[p].flush();
                out[p].close();
                Files.move(aside(p), bucket(p), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            committed = true;
        }

        @Override
        public void close() throws IOException {
            if (committed) {
                return;
            }
            for (int p = 0; p < partitions; p++) {
                out[p].close();
                Files.deleteIfExists(aside(p));
            }
        }

        private Path aside(int p) {
            return folder.resolve("." + bucket(p).getFileName() + ".part");
        }
    }

    /** The buckets' folder and everything in it, once the day's partitions no longer need them. */
    public void delete() {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void text(DataOutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    /** One bucket's rows, read back as the day's reader made them; its position is the rows handed out. */
    public static final class Rows implements RowSource {

        private final Path bucket;
        private final LocalDate businessDate;
        private DataInputStream in;
        private long records;
        private volatile long charsRead;
        private String lastFile = "";

        public Rows(Path bucket, LocalDate businessDate) {
            this.bucket = bucket;
            this.businessDate = businessDate;
        }

        @Override
        public void open(Position start) throws IOException {
            in = new DataInputStream(new BufferedInputStream(Files.newInputStream(bucket), 1 << 16));
            records = 0;
            for (long i = 0; i < start.records() && next() != null; i++) {
                // skipped: committed before the restart
            }
        }

        @Override
        public SourceRow next() throws IOException {
            String file;
            try {
                file = text();
            } catch (EOFException end) {
                return null;
            }
            if (file.equals(lastFile)) {
                file = lastFile; // one String per file, not per row
            }
            lastFile = file;
            long line = in.readLong();
            charsRead += 12; // the line and the field count
            String raw = text();
            int fields = in.readInt();
            SourceRow row;
            if (fields < 0) {
                row = new SourceRow(FileKind.CDR, file, businessDate, line, raw, null, text());
            } else {
                String[] values = new String[fields];
                for (int i = 0; i < fields; i++) {
                    values[i] = text();
                }
                row = new SourceRow(FileKind.CDR, file, businessDate, line, raw, Arrays.asList(values), null);
            }
            records++;
            return row;
        }

        @Override
        public Position position() {
            return new Position(0, records);
        }

        @Override
        public String describe() {
            return businessDate + " cdr " + bucket.getFileName();
        }

        @Override
        public long charsRead() {
            return charsRead;
        }

        @Override
        public long totalBytes() {
            try {
                return Files.size(bucket);
            } catch (IOException e) {
                return 0;
            }
        }

        @Override
        public void close() {
            if (in != null) {
                try {
                    in.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                in = null;
            }
        }

        /** Bytes of the bucket read so far: the progress line compares them with the bucket's size. */
        private String text() throws IOException {
            int length = in.readInt();
            charsRead += 4 + length;
            byte[] bytes = new byte[length];
            in.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }
}
