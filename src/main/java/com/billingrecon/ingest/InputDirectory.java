package com.billingrecon.ingest;

import com.billingrecon.domain.InputFileName;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The flat input folder: its recognized input files in processing order and the names it does not know. */
public final class InputDirectory {

    private final Path dir;

    public InputDirectory(Path dir) {
        this.dir = dir;
    }

    public Path resolve(String fileName) {
        return dir.resolve(fileName);
    }

    /** cdr, charges and payments files (not accounts.csv), in processing order. */
    public List<InputFileName> recognized() {
        List<InputFileName> files = new ArrayList<>();
        for (String name : fileNames()) {
            InputFileName.parse(name).filter(f -> f.businessDate() != null).ifPresent(files::add);
        }
        files.sort(InputFileName.PROCESSING_ORDER);
        return files;
    }

    /** Names that are neither accounts.csv nor a well-formed dated input file, sorted. */
    public List<String> unrecognized() {
        return fileNames().stream().filter(name -> InputFileName.parse(name).isEmpty()).sorted().toList();
    }

    /** The earliest business date of a recognized file dated on or before {@code upTo}. */
    public Optional<LocalDate> earliestDate(LocalDate upTo) {
        return recognized().stream().map(InputFileName::businessDate).filter(d -> !d.isAfter(upTo)).findFirst();
    }

    private List<String> fileNames() {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the input folder " + dir, e);
        }
    }
}
