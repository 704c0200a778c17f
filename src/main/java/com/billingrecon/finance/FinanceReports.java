package com.billingrecon.finance;

import com.billingrecon.report.CsvReport;
import com.billingrecon.report.DayFolderPart;
import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvValidationException;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Finance's files of a day's folder: {@code aging.csv}, {@code journal.csv} and {@code summary.html}, with the
 * night's two controls (journal balanced, AR control = register) computed, logged and shown on the page.
 */
@Component
public class FinanceReports implements DayFolderPart {

    private static final Logger log = LoggerFactory.getLogger(FinanceReports.class);

    private final AgingQueries aging;
    private final JournalQueries journal;
    private final ArControlQueries arControls;
    private final SummaryQueries summary;

    public FinanceReports(AgingQueries aging, JournalQueries journal, ArControlQueries arControls,
                          SummaryQueries summary) {
        this.aging = aging;
        this.journal = journal;
        this.arControls = arControls;
        this.summary = summary;
    }

    @Override
    public int writeInto(Path dir, LocalDate day) throws IOException {
        long start = System.nanoTime();
        Map<String, List<BigDecimal>> agingByCurrency = new TreeMap<>();
        long agingRows = CsvReport.write(dir.resolve("aging.csv"), AgingLine.CSV_COLUMNS, row -> aging.aging(day,
                line -> {
                    addToCurrency(agingByCurrency, line);
                    row.accept(line.csvValues());
                }));
        JournalControl.Tally tally = new JournalControl.Tally();
        CsvReport.write(dir.resolve("journal.csv"), JournalLine.CSV_COLUMNS, row -> journal.journal(day, line -> {
            tally.accept(line);
            row.accept(line.csvValues());
        }));
        JournalControl journalControl = tally.control();
        List<ArControl> ar = arControls.controls(day);
        logControls(day, journalControl, ar);

        List<List<String>> overLimit = new ArrayList<>();
        long[] overLimitCount = {0};
        readRows(dir.resolve("balances.csv"), row -> {
            if ("OVER_LIMIT".equals(row[11])) {
                if (overLimit.size() < SummaryPage.MAX_LISTED) {
                    overLimit.add(List.of(row[0], row[1], row[3], row[4], row[5]));
                }
                overLimitCount[0]++;
            }
        });
        List<List<String>> reconciliation = new ArrayList<>();
        readRows(dir.resolve("reconciliation.csv"), row -> reconciliation.add(List.of(row)));
        SummaryData data = new SummaryData(day, reconciliation, journalControl, ar, summary.billingByKind(day),
                summary.cash(day), agingByCurrency, overLimit, overLimitCount[0],
                summary.rejectsByReason(day), summary.trends(day));
        Files.writeString(dir.resolve("summary.html"), SummaryPage.render(data), StandardCharsets.UTF_8);
        log.info("{} finance files: aging {} rows, journal {} lines, summary; {} ms", day, agingRows,
                tally.lines(), (System.nanoTime() - start) / 1_000_000);
        return Math.toIntExact(agingRows + tally.lines());
    }

    private static void logControls(LocalDate day, JournalControl journal, List<ArControl> ar) {
        for (ArControl control : ar) {
            if (!control.agrees()) {
                log.warn("{} AR control {}: posted {} but the register says {}", day, control.currency(),
                        control.controlBalance(), control.registerBalance());
            }
        }
        if (!journal.balanced()) {
            log.warn("{} journal is not balanced: entries {}", day, journal.unbalancedEntries());
        }
        log.info("{} controls: journal balanced {}, AR control = register {}", day, journal.balanced() ? "yes" : "NO",
                ar.stream().allMatch(ArControl::agrees) ? "yes" : "NO");
    }

    /** Adds an account's open amounts to its currency's totals (the page's aging table). */
    private static void addToCurrency(Map<String, List<BigDecimal>> totals, AgingLine line) {
        if (line.totalOpen().signum() == 0) {
            return;
        }
        totals.merge(line.currency(), line.buckets(), (a, b) -> {
            List<BigDecimal> sum = new ArrayList<>();
            for (int i = 0; i < a.size(); i++) {
                sum.add(a.get(i).add(b.get(i)));
            }
            return sum;
        });
    }

    /** The rows of a report just written into the folder, header left out, one at a time. */
    private static void readRows(Path file, Consumer<String[]> rows) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVReader csv = new CSVReader(in)) {
            csv.readNext();
            for (String[] row = csv.readNext(); row != null; row = csv.readNext()) {
                rows.accept(row);
            }
        } catch (CsvValidationException e) {
            throw new IOException("could not read back " + file, e);
        }
    }
}
