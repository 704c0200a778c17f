package com.billingrecon.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A report folder is written aside, then renamed into place: it is complete or absent. A folder left
 * by an interrupted attempt is replaced by the new one, which comes out the same.
 */
public final class ReportFolder {

    /** Writes the files of a folder into the (empty) directory it is given. */
    @FunctionalInterface
    public interface Contents {
        void writeInto(Path dir) throws IOException;
    }

    private ReportFolder() {
    }

    public static Path publish(Path outputDir, String name, Contents contents) throws IOException {
        Files.createDirectories(outputDir);
        Path partial = outputDir.resolve("." + name + ".partial");
        deleteTree(partial);
        Files.createDirectory(partial);
        contents.writeInto(partial);
        Path target = outputDir.resolve(name);
        if (Files.exists(target)) {
            Path old = outputDir.resolve("." + name + ".old");
            deleteTree(old);
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            deleteTree(old);
        } else {
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        }
        return target;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
