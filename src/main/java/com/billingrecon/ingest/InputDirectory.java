package com.billingrecon.ingest;

import com.billingrecon.domain.InputFileName;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The flat input folder: its recognized input files in processing order and the names it does not know.
 * Every name in it counts except sub-folders (and links to folders): a symbolic link to a regular file is read
 * as that file, and a name that is not a readable regular file (a dangling link, a named pipe, a device, a file
 * this user may not read) is still listed, so that nothing in the folder disappears from the reports.
 */
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

    /**
     * Why a name of the folder cannot be read as a file, or empty when it is a readable regular file (or a link
     * to one). Only attributes are looked at: opening a named pipe would wait for a writer.
     */
    public Optional<String> whyNotReadable(String fileName) {
        Path path = resolve(fileName);
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return Optional.of(Files.isSymbolicLink(path) ? "a symbolic link to nothing (" + linkTarget(path) + ")"
                    : "no longer in the input folder");
        } catch (IOException e) {
            return Optional.of("cannot be read: " + e.getMessage());
        }
        if (!attributes.isRegularFile()) {
            return Optional.of("not a regular file but " + specialFileType(path));
        }
        return Files.isReadable(path) ? Optional.empty() : Optional.of("cannot be read: permission denied");
    }

    private static String linkTarget(Path link) {
        try {
            return String.valueOf(Files.readSymbolicLink(link));
        } catch (IOException e) {
            return "target unknown";
        }
    }

    /** The kind of a file that is neither regular nor a folder, from its mode bits (S_IFMT). */
    private static String specialFileType(Path path) {
        try {
            int type = (Integer) Files.getAttribute(path, "unix:mode") & 0170000;
            return switch (type) {
                case 0010000 -> "a named pipe";
                case 0020000 -> "a character device";
                case 0060000 -> "a block device";
                case 0140000 -> "a socket";
                default -> "a special file";
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "a special file";
        }
    }

    private List<String> fileNames() {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> !Files.isDirectory(p)).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the input folder " + dir, e);
        }
    }
}
