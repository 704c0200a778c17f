package com.billingrecon.cli;

import com.billingrecon.domain.FileKind;
import com.billingrecon.domain.InputFileName;
import com.billingrecon.ingest.InputDirectory;
import com.billingrecon.ingest.csv.FileInspection;
import com.billingrecon.job.RunRequest;
import com.billingrecon.job.UsageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/** What must hold before anything is written: a readable input folder with an acceptable accounts.csv. */
final class InputChecks {

    private InputChecks() {
    }

    static void check(RunRequest request) {
        Path input = request.inputDir();
        if (!Files.isDirectory(input) || !Files.isReadable(input)) {
            throw new UsageException("input folder " + input + " is not a readable folder");
        }
        if (Files.exists(request.outputDir()) && !Files.isDirectory(request.outputDir())) {
            throw new UsageException("output " + request.outputDir() + " exists and is not a folder");
        }
        checkWritable(request.outputDir());
        Path accounts = input.resolve(InputFileName.ACCOUNTS);
        if (!Files.exists(accounts, LinkOption.NOFOLLOW_LINKS)) {
            throw new UsageException(InputFileName.ACCOUNTS + " is missing from " + input);
        }
        new InputDirectory(input).whyNotReadable(InputFileName.ACCOUNTS).ifPresent(why -> {
            throw new UsageException(InputFileName.ACCOUNTS + " in " + input + " cannot be used: " + why);
        });
        try {
            FileInspection inspection = FileInspection.inspect(accounts, FileKind.ACCOUNTS);
            if (inspection.rejection() != null) {
                throw new UsageException(InputFileName.ACCOUNTS + " is rejected: " + inspection.rejection());
            }
        } catch (IOException e) {
            throw new UsageException(InputFileName.ACCOUNTS + " cannot be read: " + e.getMessage());
        }
    }

    /**
     * The output folder, or the nearest folder above it that exists (where it will be created), must be a folder
     * this user may write into. Only permissions and the mount are looked at (root may write anywhere but on a
     * read-only file system); nothing is created before the run starts.
     */
    private static void checkWritable(Path outputDir) {
        Path existing = outputDir.toAbsolutePath().normalize();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return;
        }
        if (!Files.isDirectory(existing)) {
            throw new UsageException("output folder " + outputDir + " cannot be created: " + existing
                    + " is not a folder; give an --output-dir this user can write into");
        }
        if (!Files.isWritable(existing)) {
            throw new UsageException("output folder " + outputDir + " is not writable (" + existing
                    + "); make it writable for this user or give another --output-dir");
        }
    }
}
