package com.billingrecon.archive;

import com.billingrecon.ingest.ledger.CdrLedger;
import com.billingrecon.totals.RunningTotals;
import com.billingrecon.job.BusinessDays;
import com.billingrecon.job.ExitCode;
import com.billingrecon.job.UsageException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code archive --before=YYYY-MM}: the CDR history of closed months goes to compressed files and out of the
 * ledger, so that the ledger's size stays that of the months still in use. Nothing a later day reads changes:
 * balances come from the running totals, invoices of later months from their own periods.
 * {@code restore --period=YYYY-MM} puts a month back from its file (for a rerun of it, an itemised bill, explain).
 */
@Component
public class ArchiveCommand {

    private static final Logger log = LoggerFactory.getLogger(ArchiveCommand.class);

    private final CdrLedger cdrs;
    private final RunningTotals totals;
    private final BusinessDays businessDays;
    private final TransactionTemplate transaction;

    public ArchiveCommand(CdrLedger cdrs, RunningTotals totals, BusinessDays businessDays,
                          TransactionTemplate transaction) {
        this.cdrs = cdrs;
        this.totals = totals;
        this.businessDays = businessDays;
        this.transaction = transaction;
    }

    /**
     * Archives every month before {@code before} whose invoices are issued (its close date is a closed business
     * day) and whose CDRs are all final; a month with ONGOING latest records stays and is named.
     */
    public ExitCode archive(YearMonth before, Path folder) {
        LocalDate lastRunDate = businessDays.lastRunDate().orElse(LocalDate.MIN);
        ExitCode exit = ExitCode.DONE;
        for (YearMonth period : cdrs.periods()) {
            if (!period.isBefore(before)) {
                break;
            }
            LocalDate closeDate = period.plusMonths(1).atDay(1);
            if (lastRunDate.isBefore(closeDate)) {
                System.err.println("billing-recon: " + period + " is not closed (its invoices are issued on "
                        + closeDate + "); it stays in the ledger");
                exit = ExitCode.DONE_WITH_FILES_TO_CHECK;
                continue;
            }
            long ongoing = cdrs.ongoing(period);
            if (ongoing > 0) {
                System.err.println("billing-recon: " + period + " has " + ongoing + " CDRs still ONGOING; it stays in "
                        + "the ledger until a later record ends them");
                exit = ExitCode.DONE_WITH_FILES_TO_CHECK;
                continue;
            }
            archiveMonth(period, folder);
        }
        return exit;
    }

    private void archiveMonth(YearMonth period, Path folder) {
        String name = "cdr-history-" + period + ".csv.gz";
        Path file = folder.resolve(name);
        Path aside = folder.resolve(name + ".part");
        transaction.executeWithoutResult(status -> {
            long records;
            String sha256;
            try {
                Files.createDirectories(folder);
                MessageDigest digest = sha256();
                try (OutputStream out = new GZIPOutputStream(new DigestOutputStream(Files.newOutputStream(aside), digest),
                        1 << 16)) {
                    records = cdrs.export(period, out);
                }
                sha256 = HexFormat.of().formatHex(digest.digest());
                try (FileChannel channel = FileChannel.open(aside, StandardOpenOption.WRITE)) {
                    channel.force(true);
                }
                Files.move(aside, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
            }
            cdrs.detach(period, name, records, sha256);
            log.info("archived {}: {} CDR records to {}", period, records, file);
            System.out.println(period + ": " + records + " CDR records archived to " + file);
        });
    }

    /** Puts an archived month back from its file in {@code folder}, which must be the file archive wrote. */
    public ExitCode restore(YearMonth period, Path folder) {
        CdrLedger.Archived archived = cdrs.archived(period).orElseThrow(
                () -> new UsageException(period + " is not archived"));
        Path file = folder.resolve(archived.fileName());
        if (!Files.isRegularFile(file)) {
            throw new UsageException("the archive of " + period + " is not in " + folder + " (expected " + file + ")");
        }
        transaction.executeWithoutResult(status -> {
            MessageDigest digest = sha256();
            long records;
            try (InputStream in = new GZIPInputStream(new DigestInputStream(Files.newInputStream(file), digest), 1 << 16)) {
                records = cdrs.restore(period, in);
                in.transferTo(OutputStream.nullOutputStream()); // the digest covers the whole file
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
            }
            String sha256 = HexFormat.of().formatHex(digest.digest());
            if (!sha256.equals(archived.sha256()) || records != archived.records()) {
                status.setRollbackOnly();
                throw new UsageException(file + " is not the archive of " + period + " that was written (" + records
                        + " records, SHA-256 " + sha256 + "; expected " + archived.records() + ", " + archived.sha256()
                        + "); nothing restored");
            }
            totals.recountUsageByType(period); // a month archived before V82 has none
            System.out.println(period + ": " + records + " CDR records restored from " + file);
        });
        return ExitCode.DONE;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
