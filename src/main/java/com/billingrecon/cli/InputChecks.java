package com.billingrecon.cli;

import com.billingrecon.domain.FileKind;
import com.billingrecon.ingest.InputDirectory;
import com.billingrecon.ingest.csv.FileInspection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/** What must hold before anything is written: a readable input folder with an acceptable accounts.csv. */
final class InputChecks {

    static final String ACCOUNTS_FILE = "accounts.csv";

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
        Path accounts = input.resolve(ACCOUNTS_FILE);
        if (!Files.exists(accounts, LinkOption.NOFOLLOW_LINKS)) {
            throw new UsageException(ACCOUNTS_FILE + " is missing from " + input);
        }
        new InputDirectory(input).whyNotReadable(ACCOUNTS_FILE).ifPresent(why -> {
            throw new UsageException(ACCOUNTS_FILE + " in " + input + " cannot be used: " + why);
        });
        try {
            FileInspection inspection = FileInspection.inspect(accounts, FileKind.ACCOUNTS);
            if (inspection.rejection() != null) {
                throw new UsageException(ACCOUNTS_FILE + " is rejected: " + inspection.rejection());
            }
        } catch (IOException e) {
            throw new UsageException(ACCOUNTS_FILE + " cannot be read: " + e.getMessage());
        }
    }
}
