package com.billingrecon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Imports run one way, floor by floor: the command line, the run commands, the features, the shared job
 * vocabulary and domain types, the database. A package may use a package on a lower floor or on its own;
 * report reads files' names from domain, never from ingest. A new top-level package counts as a feature.
 */
class PackageLayersTest {

    private static final Path SOURCES = Path.of("src/main/java/com/billingrecon");
    private static final Pattern REFERENCE = Pattern.compile("\\bcom\\.billingrecon\\.([a-z]\\w*)\\.");

    enum Floor { DATABASE, SHARED, FEATURE, RUN_COMMAND, COMMAND_LINE }

    static Floor floor(String topPackage) {
        return switch (topPackage) {
            case "", "cli" -> Floor.COMMAND_LINE;
            case "nightly", "rerun", "worker", "explain", "verify", "archive" -> Floor.RUN_COMMAND;
            case "job", "domain" -> Floor.SHARED;
            case "db" -> Floor.DATABASE;
            default -> Floor.FEATURE;
        };
    }

    /** Why {@code from} may not use {@code to}, or empty when it may. */
    static Optional<String> forbidden(String from, String to) {
        if (from.equals(to)) {
            return Optional.empty();
        }
        if (from.equals("report") && to.equals("ingest")) {
            return Optional.of("report reads from the ledger and domain, not from ingest");
        }
        Floor fromFloor = floor(from);
        Floor toFloor = floor(to);
        if (toFloor == Floor.COMMAND_LINE && fromFloor == Floor.COMMAND_LINE) {
            return Optional.of("the application's configuration and the command line that starts it form a cycle");
        }
        if (toFloor.compareTo(fromFloor) > 0) {
            return Optional.of("a " + fromFloor + " package uses a " + toFloor + " package");
        }
        return Optional.empty();
    }

    /** The top-level packages of this application a source text names. */
    static Set<String> references(String source) {
        Set<String> packages = new TreeSet<>();
        Matcher matcher = REFERENCE.matcher(source);
        while (matcher.find()) {
            packages.add(matcher.group(1));
        }
        return packages;
    }

    @Test
    void everyImportOfTheSourcesRunsDownTheFloors() throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path relative = SOURCES.relativize(file);
                String from = relative.getNameCount() == 1 ? "" : relative.getName(0).toString();
                for (String to : references(Files.readString(file))) {
                    forbidden(from, to).ifPresent(why -> violations.add(relative + " uses " + to + ": " + why));
                }
            }
        }
        assertThat(SOURCES.resolve("cli")).as("the sources are found from the project folder").isDirectory();
        assertThat(violations).isEmpty();
    }

    @Test
    void aFeatureThatImportsARunCommandOrTheCommandLineIsCaught() {
        String source = """
                package com.billingrecon.billing;

                import com.billingrecon.domain.Periods;
                import com.billingrecon.nightly.DayLauncher;
                import static com.billingrecon.cli.ExitCode.DONE;
                """;

        assertThat(references(source)).containsExactly("cli", "domain", "nightly");
        assertThat(forbidden("billing", "nightly")).isPresent();
        assertThat(forbidden("billing", "cli")).isPresent();
        assertThat(forbidden("billing", "domain")).isEmpty();
    }

    @Test
    void sharedPackagesUseNoFeatureAndReportDoesNotUseIngest() {
        assertThat(forbidden("job", "ingest")).isPresent();
        assertThat(forbidden("domain", "report")).isPresent();
        assertThat(forbidden("db", "job")).isPresent();
        assertThat(forbidden("report", "ingest")).isPresent();
        assertThat(forbidden("report", "billing")).isEmpty();
        assertThat(forbidden("rerun", "nightly")).isEmpty();
        assertThat(forbidden("nightly", "cli")).isPresent();
        assertThat(forbidden("documents", "rerun")).as("a new package is a feature").isPresent();
        assertThat(forbidden("", "cli")).as("the root package's configuration").isPresent();
    }
}
