package com.billingrecon.cli;

import com.billingrecon.domain.FileKind;
import com.billingrecon.domain.InputFileName;
import com.billingrecon.ingest.csv.FileInspection;
import com.billingrecon.job.RunRequest;
import com.billingrecon.job.UsageException;
import java.io.IOException;
import java.nio.file.Files;
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
        Path accounts = input.resolve(InputFileName.ACCOUNTS);
        if (!Files.isRegularFile(accounts)) {
            throw new UsageException(InputFileName.ACCOUNTS + " is missing from " + input);
        }
        try {
            FileInspection inspection = FileInspection.inspect(accounts, FileKind.ACCOUNTS);
            if (inspection.rejection() != null) {
                throw new UsageException(InputFileName.ACCOUNTS + " is rejected: " + inspection.rejection());
            }
        } catch (IOException e) {
            throw new UsageException(InputFileName.ACCOUNTS + " cannot be read: " + e.getMessage());
        }
    }
}
