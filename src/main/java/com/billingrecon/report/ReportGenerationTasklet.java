package com.billingrecon.report;

import com.billingrecon.nightly.BusinessDays;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Writes the day's folder {@code nightly-YYYY-MM-DD/} and closes the business day. The folder is
 * written aside and renamed into place, so it is complete or absent; written again after a crash,
 * it comes out the same, since every figure is read from the ledger as of that day.
 */
public class ReportGenerationTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(ReportGenerationTasklet.class);

    static final List<String> INVOICE_COLUMNS = List.of("invoice_no", "account_id", "kind", "period", "charge_id",
            "issue_date", "revision", "subtotal", "tax", "total", "paid", "open", "status");
    static final List<String> REJECT_COLUMNS = List.of("file", "line", "reason", "detail", "record");
    static final List<String> RECONCILIATION_COLUMNS = List.of("file", "kind", "business_date", "status",
            "rows_read", "accepted", "duplicates", "rejected", "accepted_amount", "detail");

    private final ReportQueries queries;
    private final BusinessDays businessDays;
    private final Path outputDir;
    private final LocalDate day;

    public ReportGenerationTasklet(ReportQueries queries, BusinessDays businessDays, Path outputDir, LocalDate day) {
        this.queries = queries;
        this.businessDays = businessDays;
        this.outputDir = outputDir;
        this.day = day;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        String name = "nightly-" + day;
        Files.createDirectories(outputDir);
        Path partial = outputDir.resolve("." + name + ".partial");
        deleteTree(partial);
        Files.createDirectory(partial);
        List<BalanceLine> balances = queries.balances(day);
        CsvReport.write(partial.resolve("balances.csv"), BalanceLine.CSV_COLUMNS,
                balances.stream().map(BalanceLine::csvValues).toList());
        List<List<String>> invoices = queries.invoices();
        CsvReport.write(partial.resolve("invoices.csv"), INVOICE_COLUMNS, invoices);
        List<List<String>> rejects = queries.rejects(day);
        CsvReport.write(partial.resolve("rejects.csv"), REJECT_COLUMNS, rejects);
        CsvReport.write(partial.resolve("reconciliation.csv"), RECONCILIATION_COLUMNS, queries.reconciliation(day));
        publish(partial, outputDir.resolve(name));
        businessDays.close(day);
        contribution.incrementWriteCount(balances.size() + invoices.size() + rejects.size());
        log.info("{} reports: {} accounts, {} invoices, {} rejected rows -> {}", day, balances.size(), invoices.size(),
                rejects.size(), outputDir.resolve(name));
        return RepeatStatus.FINISHED;
    }

    /** Replaces a folder left by an interrupted attempt; the rename itself is atomic. */
    private static void publish(Path partial, Path target) throws IOException {
        if (Files.exists(target)) {
            Path old = target.resolveSibling("." + target.getFileName() + ".old");
            deleteTree(old);
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            deleteTree(old);
        } else {
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        }
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
