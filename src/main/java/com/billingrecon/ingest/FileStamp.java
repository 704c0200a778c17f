package com.billingrecon.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A file's size, modification time, status-change time and inode, as one text. Writing a file changes its
 * status-change time, which no tool can set back, so an equal stamp means the bytes were not written
 * since the stamp was taken. Null where the file system does not give these, and while the file's
 * times are recent: a file system with coarse times could give a write made in the same tick, after
 * the file was read, the same stamp (the file is then hashed next time).
 */
final class FileStamp {

    private FileStamp() {
    }

    /** Times this close to the moment the stamp is taken do not prove the file is settled. */
    private static final long RECENT_NANOS = TimeUnit.SECONDS.toNanos(3);

    static String of(Path file) {
        try {
            Map<String, Object> unix = Files.readAttributes(file, "unix:size,lastModifiedTime,ctime,ino");
            long now = TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis());
            if (now - nanos(unix.get("lastModifiedTime")) < RECENT_NANOS || now - nanos(unix.get("ctime")) < RECENT_NANOS) {
                return null;
            }
            return "size=" + unix.get("size") + ";mtime=" + nanos(unix.get("lastModifiedTime"))
                    + ";ctime=" + nanos(unix.get("ctime")) + ";ino=" + unix.get("ino");
        } catch (UnsupportedOperationException | IllegalArgumentException | IOException e) {
            return null;
        }
    }

    private static long nanos(Object time) {
        return ((FileTime) time).to(TimeUnit.NANOSECONDS);
    }
}
