package com.billingrecon.rerun;

import com.billingrecon.documents.DocumentWriter;
import com.billingrecon.finance.RerunJournal;
import com.billingrecon.ingest.AccountMaster;
import com.billingrecon.ingest.InputDirectory;
import com.billingrecon.ingest.InputFileStore;
import com.billingrecon.job.BillingSettings;
import com.billingrecon.job.BusinessDays;
import com.billingrecon.job.ExitCode;
import com.billingrecon.job.RunRequest;
import com.billingrecon.job.UsageException;
import com.billingrecon.nightly.DayFailedException;
import com.billingrecon.nightly.DayLauncher;
import com.billingrecon.report.ReportFolder;
import com.billingrecon.report.Reports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rerun command (SPEC §6): the ledger goes back to the end of the day before the first day of period P
 * (or later) whose input changed ({@link FirstChangedDay}; files dated P's 1st still belong to the period
 * before), then every later day up to the last run date is replayed from the files as they are now, and the
 * invoices that came out different are revised. The rerun folder covers every day of P and later as before.
 * An interrupted rerun is resumed by the same command: the rollback is one transaction, each replayed
 * day is a restartable job instance, and the revisions are settled in one transaction.
 */
@Component
public class RerunCommand {

    private static final Logger log = LoggerFactory.getLogger(RerunCommand.class);

    private final BusinessDays businessDays;
    private final BillingSettings settings;
    private final RerunStore reruns;
    private final DayRollback rollback;
    private final RevisionReconciler reconciler;
    private final DayLauncher dayLauncher;
    private final Reports reports;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final DocumentWriter documents;
    private final RerunJournal rerunJournal;
    private final FirstChangedDay firstChangedDay;
    private final CdrReplayScope cdrScope;
    private final AccountMaster accounts;

    public RerunCommand(BusinessDays businessDays, BillingSettings settings, RerunStore reruns,
                        DayRollback rollback, RevisionReconciler reconciler, DayLauncher dayLauncher,
                        Reports reports, JdbcTemplate jdbc, TransactionTemplate transaction,
                        DocumentWriter documents, RerunJournal rerunJournal, FirstChangedDay firstChangedDay,
                        CdrReplayScope cdrScope, AccountMaster accounts) {
        this.accounts = accounts;
        this.firstChangedDay = firstChangedDay;
        this.cdrScope = cdrScope;
        this.documents = documents;
        this.rerunJournal = rerunJournal;
        this.businessDays = businessDays;
        this.settings = settings;
        this.reruns = reruns;
        this.rollback = rollback;
        this.reconciler = reconciler;
        this.dayLauncher = dayLauncher;
        this.reports = reports;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    public ExitCode run(RunRequest request) {
        settings.requireZone(request.billingZone());
        YearMonth period = request.period();
        RerunStore.Rerun rerun = reruns.unfinished().map(unfinished -> resume(unfinished, period))
                .orElseGet(() -> begin(request));
        for (LocalDate day = rerun.restartFrom(); !day.isAfter(rerun.lastRunDate()); day = day.plusDays(1)) {
            BatchStatus status = replay(request, rerun, day);
            if (status != BatchStatus.COMPLETED) {
                log.error("Rerun of {}: day {} ended {}. Run the same command again to resume.", period, day, status);
                return ExitCode.FAILED;
            }
        }
        LocalDate endOfDay = rerun.restartFrom().minusDays(1);
        LocalDate periodStart = firstDayOf(period);
        List<String> unrecognized = new InputDirectory(request.inputDir()).unrecognized();
        List<List<String>> revisions = transaction.execute(status -> {
            List<List<String>> settled = reconciler.settle(rerun.id(), endOfDay);
            try {
                ReportFolder.publish(request.outputDir(), "rerun-" + period, dir -> {
                    reports.writeBalances(dir, rerun.lastRunDate());
                    reports.writeInvoices(dir);
                    if (documents.enabled()) {
                        reports.writeRevisions(dir, documents.writeRerun(dir, rerun.lastRunDate(), settled),
                                DocumentWriter.REVISION_DOCUMENT_COLUMNS);
                    } else {
                        reports.writeRevisions(dir, settled);
                    }
                    reports.writeReconciliation(dir, periodStart, rerun.lastRunDate(), unrecognized);
                    reports.writeRejects(dir, periodStart, rerun.lastRunDate());
                    rerunJournal.writeInto(dir, rerun.id(), period, periodStart, rerun.lastRunDate());
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            rollback.endKeeping();
            reruns.finish(rerun);
            return settled;
        });
        Integer rejectedFiles = jdbc.queryForObject("SELECT count(*) FROM input_file WHERE status = 'REJECTED' "
                + "AND business_date BETWEEN ? AND ?", Integer.class, periodStart, rerun.lastRunDate());
        ExitCode exit = rejectedFiles != null && rejectedFiles > 0 ? ExitCode.DONE_WITH_FILES_TO_CHECK : ExitCode.DONE;
        String replayed = rerun.restartFrom().isAfter(rerun.lastRunDate()) ? "no day (no input changed)"
                : rerun.restartFrom() + ".." + rerun.lastRunDate();
        log.info("Summary: rerun of {} replayed {}, {} invoice revisions, {} files rejected whole, exit code {} -> {}",
                period, replayed, revisions.size(), rejectedFiles, exit.code(),
                request.outputDir().resolve("rerun-" + period));
        return exit;
    }

    private RerunStore.Rerun resume(RerunStore.Rerun unfinished, YearMonth period) {
        if (!unfinished.period().equals(period)) {
            throw new UsageException("the rerun of " + unfinished.period() + " is unfinished; run rerun --period="
                    + unfinished.period() + " first");
        }
        log.warn("Resuming the interrupted rerun of {}", period);
        return unfinished;
    }

    private RerunStore.Rerun begin(RunRequest request) {
        YearMonth period = request.period();
        LocalDate lastRunDate = businessDays.lastRunDate()
                .orElseThrow(() -> new UsageException("no nightly run has closed a day yet: nothing to rerun"));
        if (period.isAfter(YearMonth.from(lastRunDate))) {
            throw new UsageException("period " + period + " is after the period of the last run date " + lastRunDate);
        }
        unfinishedNightlyDay(lastRunDate).ifPresent(day -> {
            throw new UsageException("the nightly run of " + day + " is unfinished; run the nightly command again "
                    + "to finish it before a rerun");
        });
        // the replay takes back records of period P and later: none of those months may be archived
        jdbc.queryForList("SELECT to_char(billing_period, 'YYYY-MM') FROM cdr_archive WHERE billing_period >= ? "
                + "ORDER BY billing_period", String.class, period.atDay(1)).stream().findFirst().ifPresent(archived -> {
                    throw new UsageException("the CDRs of " + archived + " are archived; restore them first (restore "
                            + "--period=" + archived + " --archive-dir=DIR)");
                });
        LocalDate periodStart = firstDayOf(period);
        List<String> missing = firstChangedDay.missing(new InputDirectory(request.inputDir()), periodStart, lastRunDate)
                .stream().map(InputFileStore.Processed::fileName).toList();
        if (!missing.isEmpty() && !request.dropMissing()) {
            throw new UsageException("processed file(s) of " + period
                    + " or later are missing: " + String.join(", ", missing)
                    + "; put them back, or give --drop-missing to rerun without them");
        }
        missing.forEach(file -> log.warn("Dropping {}: it is missing and --drop-missing was given", file));
        return transaction.execute(status -> {
            LocalDate restartFrom = firstChangedDay.in(new InputDirectory(request.inputDir()), periodStart, lastRunDate)
                    .orElse(lastRunDate.plusDays(1));
            RerunStore.Rerun rerun = reruns.start(period, restartFrom, lastRunDate);
            // what the period's journals posted, read before the rollback takes the replayed days' away
            rerunJournal.recordBefore(rerun.id(), periodStart, lastRunDate);
            LocalDate endOfDay = restartFrom.minusDays(1);
            if (restartFrom.isAfter(lastRunDate)) {
                // nothing to take back: the ledger is what a replay would give
                log.info("Rerun of {}: no input of {}..{} changed; no day is replayed", period, periodStart,
                        lastRunDate);
            } else {
                InputDirectory input = new InputDirectory(request.inputDir());
                Optional<CdrReplayScope.Kept> kept = cdrScope.record(input, restartFrom, lastRunDate,
                        otherAccountCurrencies(input, restartFrom, lastRunDate), request.billingZone());
                if (kept.isPresent()) {
                    rollback.rollBackKeeping(endOfDay, rerun.id(), kept.get());
                    log.info("Rerun of {}: the first changed input is of {}; ledger rolled back to the end of {} but "
                            + "for the records of {} unchanged CDR files ({} CDR ids and {} of their rows decided "
                            + "again); replaying {}..{}", period, restartFrom, endOfDay, kept.get().keptFileIds().size(),
                            kept.get().ids(), kept.get().rowsDecidedAgain(), restartFrom, lastRunDate);
                } else {
                    rollback.rollBackTo(endOfDay, rerun.id());
                    log.info("Rerun of {}: the first changed input is of {}; ledger rolled back to the end of {}; "
                            + "replaying {}..{}", period, restartFrom, endOfDay, restartFrom, lastRunDate);
                }
            }
            return rerun;
        });
    }

    /**
     * Whether the rows of a day of {@code from..to} were checked against other account ids or currencies than the
     * current accounts.csv gives. When accounts.csv changed, it is loaded now, as the first replayed day would: the
     * scope's rows are checked against it, and the accounts loaded are compared with those of each day.
     */
    private boolean otherAccountCurrencies(InputDirectory input, LocalDate from, LocalDate to) {
        if (!firstChangedDay.otherAccounts(input, from, to)) {
            return false;
        }
        try {
            accounts.load(input);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read accounts.csv", e);
        }
        boolean other = businessDays.closedWithOtherAccountCurrencies(from, to);
        if (!other) {
            log.info("accounts.csv changed, not its account ids or currencies: the CDRs' verdicts stay as they are");
        }
        return other;
    }

    /** The first day whose files belong to the period: its 1st's files still belong to the month before. */
    private static LocalDate firstDayOf(YearMonth period) {
        return period.atDay(2);
    }

    /** A day after the last run date that a failed or interrupted nightly run has begun to take in. */
    private Optional<LocalDate> unfinishedNightlyDay(LocalDate lastRunDate) {
        return Optional.ofNullable(jdbc.queryForObject("""
                SELECT min(d) FROM (SELECT business_date AS d FROM input_file WHERE business_date > ?
                                    UNION ALL
                                    SELECT issue_date FROM invoice WHERE issue_date > ?) started""",
                LocalDate.class, lastRunDate, lastRunDate));
    }

    private BatchStatus replay(RunRequest request, RerunStore.Rerun rerun, LocalDate day) {
        try {
            return dayLauncher.replayDay(day, rerun.lastRunDate(), rerun.id(), request.inputDir(), request.outputDir(),
                    request.billingZone());
        } catch (Exception e) {
            throw DayFailedException.of(day, e);
        }
    }
}
