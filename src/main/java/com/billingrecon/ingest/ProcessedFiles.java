package com.billingrecon.ingest;

import com.billingrecon.domain.InputFileName;
import com.billingrecon.ingest.csv.FileInspection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a dated file of the input folder is the one the ledger took in: the rule by which a nightly run holds
 * a file (SPEC §6) and by which a rerun finds the first day whose input changed.
 */
public final class ProcessedFiles {

    private final InputDirectory input;
    private final InputFileStore store;

    public ProcessedFiles(InputDirectory input, InputFileStore store) {
        this.input = input;
        this.store = store;
    }

    /** Why the file is not what was processed (new, or changed since), or empty when it is unchanged. */
    public Optional<String> whyNotAsProcessed(InputFileName file) {
        Optional<InputFileStore.Registered> stored = store.registered(file.fileName());
        if (stored.isEmpty()) {
            return Optional.of("arrived after its day was reported");
        }
        return unchanged(file, stored.get()) ? Optional.empty() : Optional.of("changed since it was processed");
    }

    /** Same stamp: not written since, not read again. Otherwise the same SHA-256, and the new stamp is kept. */
    private boolean unchanged(InputFileName file, InputFileStore.Registered registered) {
        if (input.whyNotReadable(file.fileName()).isPresent()) {
            return false; // not read to find out: it is no longer the readable file that was processed
        }
        Path path = input.resolve(file.fileName());
        String stamp = FileStamp.of(path);
        if (stamp != null && stamp.equals(registered.stamp())) {
            return true;
        }
        if (!Objects.equals(registered.sha256(), sha256(path))) {
            return false;
        }
        store.restamp(file.fileName(), stamp);
        return true;
    }

    private static String sha256(Path path) {
        try {
            return FileInspection.sha256(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path.getFileName(), e);
        }
    }
}
