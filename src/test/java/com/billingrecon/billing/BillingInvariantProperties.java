package com.billingrecon.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.billingrecon.job.ExitCode;
import com.billingrecon.domain.Periods;
import com.billingrecon.support.InputFiles;
import com.billingrecon.support.Report;
import com.billingrecon.support.Run;
import com.billingrecon.support.Slow;
import com.billingrecon.support.TestDatabase;
import com.billingrecon.support.Verify;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.constraints.IntRange;

/**
 * Invariants of SPEC §4–5 that hold for any valid input, checked on the reports of the whole nightly job
 * run on a fresh PostgreSQL database per try. The inputs are small: up to three accounts of any mode in SGD
 * or JPY, six business days around a month end (2026-10-29 to 11-03), CDRs that may go ONGOING then
 * COMPLETED or FAILED (events as far back as September, so some are late), charges of either sign and
 * payments that may name an invoice, their own or another account's. Each try is a real run (about two
 * seconds), so tries are few and shrinking is off.
 */
@Slow
class BillingInvariantProperties {

    private static final LocalDate FIRST_DAY = LocalDate.of(2026, 10, 29);
    private static final int DAYS = 6;
    private static final List<String> REPORTS = List.of("balances.csv", "invoices.csv", "rejects.csv",
            "reconciliation.csv");

    // --- the properties --------------------------------------------------------------------------------

    @Property(tries = 8, shrinking = ShrinkingMode.OFF)
    void everyDaysReportsKeepTheBalanceAndSettlementIdentities(@ForAll("scenarios") Scenario scenario)
            throws IOException {
        Path root = Files.createTempDirectory("billing-invariants");
        Path input = scenario.writeTo(Files.createDirectory(root.resolve("in")));
        Path output = root.resolve("out");

        String db = TestDatabase.freshDatabaseUrl();
        ExitCode code = Run.nightly(db, input, output, day(DAYS - 1).toString());

        assertThat(code).as("exit code for%n%s", scenario).isEqualTo(ExitCode.DONE);
        assertThat(Verify.differences(db)).as("running totals against the history for%n%s", scenario).isEmpty();
        for (int d = 0; d < DAYS; d++) {
            LocalDate day = day(d);
            assertThat(Report.of(output, day.toString(), "rejects.csv").rows())
                    .as("the generated input is valid, so nothing is rejected on %s", day).isEmpty();
            Report balances = Report.balances(output, day.toString());
            Report invoices = Report.invoices(output, day.toString());
            assertThat(balances.column("account_id")).containsExactlyElementsOf(scenario.accountIds());
            for (Account account : scenario.accounts()) {
                checkAccountOnDay(scenario, account, day, balances.account(account.id()), invoices);
            }
        }
        deleteTree(root);
    }

    @Property(tries = 3, shrinking = ShrinkingMode.OFF)
    void aCatchUpRunWritesTheSameFoldersByteForByteAsDayByDayRuns(@ForAll("scenarios") Scenario scenario)
            throws IOException {
        Path root = Files.createTempDirectory("billing-catch-up");
        Path input = scenario.writeTo(Files.createDirectory(root.resolve("in")));
        Path catchUp = root.resolve("catch-up");
        Path dayByDay = root.resolve("day-by-day");

        assertThat(Run.nightly(TestDatabase.freshDatabaseUrl(), input, catchUp, day(DAYS - 1).toString()))
                .isEqualTo(ExitCode.DONE);
        String db = TestDatabase.freshDatabaseUrl();
        for (int d = 0; d < DAYS; d++) {
            awaitRunLockReleased(db);
            assertThat(Run.nightly(db, input, dayByDay, day(d).toString())).as("day-by-day run of %s", day(d))
                    .isEqualTo(ExitCode.DONE);
        }

        assertThat(folders(dayByDay)).hasSize(DAYS).containsExactlyElementsOf(folders(catchUp));
        for (String folder : folders(catchUp)) {
            for (String report : REPORTS) {
                assertThat(dayByDay.resolve(folder).resolve(report))
                        .as("%s/%s for%n%s", folder, report, scenario)
                        .hasSameBinaryContentAs(catchUp.resolve(folder).resolve(report));
            }
        }
        deleteTree(root);
    }

    /**
     * Nights in two runs with one day's files held back, those files arriving late (held), then the rerun of
     * their period: after each command the running totals and invoices are what the history gives.
     */
    @Property(tries = 3, shrinking = ShrinkingMode.OFF)
    void afterNightsLateFilesAndARerunTheRunningTotalsAreWhatTheHistoryGives(
            @ForAll("scenarios") Scenario scenario, @ForAll @IntRange(min = 1, max = DAYS - 1) int lateDay,
            @ForAll @IntRange(min = 0, max = DAYS - 2) int firstRunDay) throws IOException {
        Path root = Files.createTempDirectory("billing-totals");
        Path input = scenario.writeTo(Files.createDirectory(root.resolve("in")));
        Path aside = Files.createDirectory(root.resolve("late"));
        List<Path> late = moveFilesOfDay(input, aside, day(lateDay));
        Path output = root.resolve("out");
        String db = TestDatabase.freshDatabaseUrl();
        String where = "late day " + lateDay + ", first run to day " + firstRunDay + " for\n" + scenario;

        assertThat(Run.nightly(db, input, output, day(firstRunDay).toString())).as(where).isEqualTo(ExitCode.DONE);
        assertThat(Verify.differences(db)).as("after the first run, " + where).isEmpty();
        awaitRunLockReleased(db);
        assertThat(Run.nightly(db, input, output, day(DAYS - 1).toString())).as(where).isEqualTo(ExitCode.DONE);
        assertThat(Verify.differences(db)).as("after the second run, " + where).isEmpty();
        for (Path file : late) {
            Files.move(file, input.resolve(file.getFileName()));
        }
        awaitRunLockReleased(db);
        assertThat(Run.rerun(db, input, output, Periods.belongingPeriod(day(lateDay)).toString())).as(where)
                .isEqualTo(ExitCode.DONE);
        assertThat(Verify.differences(db)).as("after the rerun, " + where).isEmpty();
        deleteTree(root);
    }

    /**
     * Nights, then files of three days made different (a day's files arriving late, a day's files each missing
     * its last row, a day's files removed) and the rerun of the earliest one's period with --drop-missing:
     * its balances and invoices (but revision) are those of a fresh catch-up over the files as they are now,
     * whichever day the rerun replays from.
     */
    @Property(tries = 8, shrinking = ShrinkingMode.OFF)
    void aRerunAfterLateChangedAndRemovedFilesGivesTheBooksOfAFreshCatchUp(
            @ForAll("scenarios") Scenario generated, @ForAll @IntRange(min = 1, max = DAYS - 1) int lateDay,
            @ForAll @IntRange(min = 1, max = DAYS - 1) int changedDay,
            @ForAll @IntRange(min = 1, max = DAYS - 1) int removedDay,
            @ForAll @IntRange(min = 0, max = 3) int sharedIds, @ForAll @IntRange(min = 0, max = 3) int echoes,
            @ForAll @IntRange(min = 0, max = 2) int accountsChange) throws IOException {
        // ids shared between files of different days, so that a changed file's ids reach rows of unchanged files
        Scenario scenario = sharingIds(generated, sharedIds, echoes);
        Path root = Files.createTempDirectory("billing-rerun");
        Path input = scenario.writeTo(Files.createDirectory(root.resolve("in")));
        Path aside = Files.createDirectory(root.resolve("late"));
        List<Path> late = moveFilesOfDay(input, aside, day(lateDay));
        Path output = root.resolve("out");
        String db = TestDatabase.freshDatabaseUrl();
        String where = "late day " + lateDay + ", changed day " + changedDay + ", removed day " + removedDay
                + ", accounts change " + accountsChange + " for\n" + scenario;
        assertThat(Run.nightly(db, input, output, day(DAYS - 1).toString())).as(where).isEqualTo(ExitCode.DONE);

        for (Path file : late) {
            Files.move(file, input.resolve(file.getFileName()));
        }
        for (Path file : filesOfDay(input, day(changedDay))) {
            List<String> lines = Files.readAllLines(file);
            Files.write(file, lines.subList(0, Math.max(1, lines.size() - 1)));
        }
        if (removedDay != lateDay) {
            for (Path file : filesOfDay(input, day(removedDay))) {
                Files.delete(file);
            }
        }
        if (accountsChange > 0) {
            InputFiles.in(input).accounts(changedAccounts(scenario.accounts(), accountsChange == 2)
                    .stream().map(Account::row).toArray(String[]::new));
        }
        int earliest = accountsChange > 0 ? 1 : Math.min(lateDay, Math.min(changedDay, removedDay));
        awaitRunLockReleased(db);
        YearMonth period = Periods.belongingPeriod(day(earliest));
        ExitCode rerun = Run.rerun(db, input, output, period.toString(), "--drop-missing");
        Path fresh = root.resolve("fresh");
        ExitCode catchUp = Run.nightly(TestDatabase.freshDatabaseUrl(), input, fresh, day(DAYS - 1).toString());

        assertThat(rerun).as(where).isIn(ExitCode.DONE, ExitCode.DONE_WITH_FILES_TO_CHECK);
        assertThat(catchUp).as(where).isIn(ExitCode.DONE, ExitCode.DONE_WITH_FILES_TO_CHECK);
        Path rerunFolder = output.resolve("rerun-" + period);
        Path freshFolder = fresh.resolve("nightly-" + day(DAYS - 1));
        assertThat(rerunFolder.resolve("balances.csv")).as("balances.csv, " + where)
                .hasSameTextualContentAs(freshFolder.resolve("balances.csv"));
        assertThat(Report.invoicesWithoutRevision(rerunFolder)).as("invoices.csv, " + where).isEqualTo(Report.invoicesWithoutRevision(freshFolder));
        assertThat(Verify.differences(db)).as("after the rerun, " + where).isEmpty();
        deleteTree(root);
    }

    /**
     * The accounts with the first one's mode and credit limit changed, and with {@code currency} its currency too
     * (so that its rows' verdicts change; otherwise no row's does).
     */
    private static List<Account> changedAccounts(List<Account> accounts, boolean currency) {
        List<String> modes = List.of("INDIVIDUAL_AND_MONTHLY", "CONSOLIDATED_MONTHLY", "NO_INVOICE");
        List<Account> changed = new ArrayList<>(accounts);
        Account first = accounts.get(0);
        changed.set(0, new Account(first.id(), modes.get((modes.indexOf(first.mode()) + 1) % modes.size()),
                currency ? (first.currency().equals("SGD") ? "JPY" : "SGD") : first.currency(),
                first.creditLimit().add(BigDecimal.valueOf(25)), first.taxRate()));
        return changed;
    }

    /**
     * The scenario with the CDR records of its last {@code shared} CDRs given the ids of its first ones (so that a
     * row may replace, conflict with or come after a final record of another file), and the first records of its
     * first {@code echoes} CDRs repeated the day after (a duplicate, or ALREADY_FINAL once a later record came).
     */
    private static Scenario sharingIds(Scenario scenario, int shared, int echoes) {
        List<String> ids = scenario.cdrs().stream().map(CdrRecord::cdrId).distinct().toList();
        int firstShared = ids.size() - shared; // the CDRs from this index on take the ids of the first ones
        List<CdrRecord> cdrs = new ArrayList<>();
        for (CdrRecord r : scenario.cdrs()) {
            int index = ids.indexOf(r.cdrId());
            String id = firstShared > 0 && index >= firstShared ? ids.get((index - firstShared) % firstShared)
                    : r.cdrId();
            cdrs.add(new CdrRecord(id, r.accountId(), r.eventDate(), r.day(), r.status(), r.amount()));
        }
        for (int i = 0; i < Math.min(echoes, ids.size()); i++) {
            String id = ids.get(i);
            cdrs.stream().filter(r -> r.cdrId().equals(id)).findFirst()
                    .filter(first -> first.day() + 1 < DAYS)
                    .ifPresent(first -> cdrs.add(new CdrRecord(first.cdrId(), first.accountId(), first.eventDate(),
                            first.day() + 1, first.status(), first.amount())));
        }
        return new Scenario(scenario.accounts(), cdrs, scenario.charges(), scenario.payments());
    }

    private static List<Path> filesOfDay(Path input, LocalDate day) throws IOException {
        try (Stream<Path> files = Files.list(input)) {
            return files.filter(f -> f.getFileName().toString().contains(day.toString())).sorted().toList();
        }
    }


    private static List<Path> moveFilesOfDay(Path input, Path aside, LocalDate day) throws IOException {
        List<Path> moved = new ArrayList<>();
        try (Stream<Path> files = Files.list(input)) {
            for (Path file : files.filter(f -> f.getFileName().toString().contains(day.toString())).toList()) {
                moved.add(Files.move(file, aside.resolve(file.getFileName())));
            }
        }
        return moved;
    }

    /** SPEC §5 and the settlement rules of §4, for one account's balances row and invoices on one day. */
    private static void checkAccountOnDay(Scenario scenario, Account account, LocalDate day, Map<String, String> row,
                                          Report register) {
        String where = account.id() + " (" + account.mode() + ") on " + day + " for\n" + scenario;
        BigDecimal expecting = amount(row, "expecting_invoice");
        BigDecimal amountDue = amount(row, "amount_due");
        BigDecimal currentBalance = amount(row, "current_balance");

        // current balance = expecting invoice + amount due, with the side of each sign
        assertThat(currentBalance).as(where).isEqualByComparingTo(expecting.add(amountDue));
        assertThat(row.get("amount_due_side")).as(where).isEqualTo(side(amountDue));
        assertThat(row.get("current_balance_side")).as(where).isEqualTo(side(currentBalance));

        List<Map<String, String>> invoices = register.rows().stream()
                .filter(i -> i.get("account_id").equals(account.id())).toList();
        BigDecimal totals = sum(invoices, "total");
        BigDecimal paid = sum(invoices, "paid");
        BigDecimal open = sum(invoices, "open");
        BigDecimal creditNotes = sum(invoices.stream().filter(i -> i.get("status").equals("CREDIT")).toList(), "total");
        BigDecimal payments = scenario.paymentsUpTo(account.id(), day);

        // amount due = accepted payments − totals of the invoices issued so far; NO_INVOICE has none
        if (account.mode().equals("NO_INVOICE")) {
            assertThat(invoices).as(where).isEmpty();
        }
        assertThat(amountDue).as(where).isEqualByComparingTo(payments.subtract(totals));

        // credit is never paid out: what is not on an invoice is credit, and credit leaves nothing open
        BigDecimal credit = amountDue.add(open);
        assertThat(credit.signum()).as("credit ≥ 0: " + where).isGreaterThanOrEqualTo(0);
        if (credit.signum() > 0) {
            assertThat(open).as("credit is applied at once: " + where).isEqualByComparingTo(BigDecimal.ZERO);
        }
        assertThat(paid.add(credit)).as(where).isEqualByComparingTo(payments.subtract(creditNotes));

        for (Map<String, String> invoice : invoices) {
            checkInvoice(account, invoice, where);
        }

        // nothing billed twice, nothing dropped: what is invoiced plus what is unbilled is every billable item
        assertThat(sum(invoices, "subtotal").subtract(expecting)).as(where)
                .isEqualByComparingTo(scenario.billableUpTo(account.id(), day));
        assertThat(expecting.negate()).as(where).isEqualByComparingTo(scenario.unbilled(account, day));
        BigDecimal reserved = scenario.reservedOn(account.id(), day);
        assertThat(amount(row, "reserved_credits")).as(where).isEqualByComparingTo(reserved);
        BigDecimal usable = account.creditLimit().subtract(scenario.unbilledInPeriod(account, day)).subtract(reserved);
        assertThat(amount(row, "usable_credits")).as(where).isEqualByComparingTo(usable);
        assertThat(row.get("status")).as(where).isEqualTo(usable.signum() < 0 ? "OVER_LIMIT" : "OK");
    }

    /** One invoice: tax rounded once, HALF_UP, to the currency's minor units; paid and open fit the status. */
    private static void checkInvoice(Account account, Map<String, String> invoice, String where) {
        String what = invoice.get("invoice_no") + " of " + where;
        BigDecimal subtotal = amount(invoice, "subtotal");
        BigDecimal total = amount(invoice, "total");
        BigDecimal paid = amount(invoice, "paid");
        BigDecimal open = amount(invoice, "open");
        BigDecimal tax = subtotal.multiply(account.taxRate())
                .setScale(Currency.getInstance(account.currency()).getDefaultFractionDigits(), RoundingMode.HALF_UP);
        assertThat(amount(invoice, "tax")).as(what).isEqualByComparingTo(tax);
        assertThat(total).as(what).isEqualByComparingTo(subtotal.add(tax));
        switch (invoice.get("status")) {
            case "CREDIT" -> {
                assertThat(total.signum()).as(what).isNegative();
                assertThat(paid.signum()).as(what).isZero();
                assertThat(open.signum()).as(what).isZero();
            }
            case "PAID" -> {
                assertThat(paid).as(what).isEqualByComparingTo(total);
                assertThat(open.signum()).as(what).isZero();
            }
            case "OPEN" -> {
                assertThat(paid.signum()).as(what).isZero();
                assertThat(open).as(what).isEqualByComparingTo(total).isPositive();
            }
            case "PARTIALLY_PAID" -> {
                assertThat(paid).as(what).isPositive().isLessThan(total);
                assertThat(open).as(what).isEqualByComparingTo(total.subtract(paid));
            }
            default -> throw new AssertionError("unexpected status in " + what + ": " + invoice);
        }
    }

    // --- generated input ---------------------------------------------------------------------------------

    record Account(String id, String mode, String currency, BigDecimal creditLimit, BigDecimal taxRate) {

        String row() {
            return id + ",Account " + id + "," + currency + "," + mode + "," + creditLimit.toPlainString() + ","
                    + taxRate.toPlainString();
        }
    }

    /** One record of a CDR as it arrives in the file of {@code day}. */
    record CdrRecord(String cdrId, String accountId, LocalDate eventDate, int day, String status, BigDecimal amount) {
    }

    record Charge(String chargeId, String accountId, LocalDate chargeDate, int day, BigDecimal amount) {
    }

    record Payment(String paymentId, String accountId, int day, BigDecimal amount, String invoiceRef) {
    }

    record Scenario(List<Account> accounts, List<CdrRecord> cdrs, List<Charge> charges, List<Payment> payments) {

        List<String> accountIds() {
            return accounts.stream().map(Account::id).toList();
        }

        Path writeTo(Path dir) {
            InputFiles files = InputFiles.in(dir).accounts(accounts.stream().map(Account::row).toArray(String[]::new));
            // Day 0 always has a file, so a catch-up and the first day-by-day run start on the same day.
            files.cdrs(day(0).toString(), cdrRows(0));
            for (int d = 1; d < DAYS; d++) {
                String[] rows = cdrRows(d);
                if (rows.length > 0) {
                    files.cdrs(day(d).toString(), rows);
                }
            }
            for (int d = 0; d < DAYS; d++) {
                int today = d;
                String[] chargeRows = charges.stream().filter(c -> c.day() == today)
                        .map(c -> c.chargeId() + "," + c.accountId() + ",SERVICE," + c.chargeDate() + ","
                                + c.amount().toPlainString() + "," + currency(c.accountId()) + ",generated")
                        .toArray(String[]::new);
                if (chargeRows.length > 0) {
                    files.charges(day(d).toString(), chargeRows);
                }
                String[] paymentRows = payments.stream().filter(p -> p.day() == today)
                        .map(p -> p.paymentId() + "," + p.accountId() + "," + day(today) + ","
                                + p.amount().toPlainString() + "," + currency(p.accountId()) + ",CARD,"
                                + p.invoiceRef())
                        .toArray(String[]::new);
                if (paymentRows.length > 0) {
                    files.payments(day(d).toString(), paymentRows);
                }
            }
            return dir;
        }

        private String[] cdrRows(int d) {
            return cdrs.stream().filter(r -> r.day() == d)
                    .map(r -> r.cdrId() + "," + r.accountId() + ",CALL," + r.eventDate() + "T12:00:00Z,60,"
                            + r.amount().toPlainString() + "," + currency(r.accountId()) + "," + r.status())
                    .toArray(String[]::new);
        }

        String currency(String accountId) {
            return account(accountId).currency();
        }

        Account account(String accountId) {
            return accounts.stream().filter(a -> a.id().equals(accountId)).findFirst().orElseThrow();
        }

        BigDecimal paymentsUpTo(String accountId, LocalDate day) {
            return payments.stream().filter(p -> p.accountId().equals(accountId) && !day(p.day()).isAfter(day))
                    .map(Payment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        /** Each CDR's latest record taken in by the end of {@code day}. */
        private Map<String, CdrRecord> cdrStateOn(String accountId, LocalDate day) {
            Map<String, CdrRecord> latest = new TreeMap<>();
            cdrs.stream().filter(r -> r.accountId().equals(accountId) && !day(r.day()).isAfter(day))
                    .forEach(r -> latest.put(r.cdrId(), r));
            return latest;
        }

        BigDecimal reservedOn(String accountId, LocalDate day) {
            return cdrStateOn(accountId, day).values().stream().filter(r -> r.status().equals("ONGOING"))
                    .map(CdrRecord::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        /** Billable items taken in by {@code day}, each with its billing period B (the late usage rule). */
        private Map<String, Map.Entry<YearMonth, BigDecimal>> billable(String accountId, LocalDate day) {
            Map<String, Map.Entry<YearMonth, BigDecimal>> items = new LinkedHashMap<>();
            cdrStateOn(accountId, day).values().stream().filter(r -> r.status().equals("COMPLETED"))
                    .forEach(r -> items.put("cdr " + r.cdrId(),
                            Map.entry(billingPeriod(r.eventDate(), day(r.day())), r.amount())));
            charges.stream().filter(c -> c.accountId().equals(accountId) && !day(c.day()).isAfter(day))
                    .forEach(c -> items.put("charge " + c.chargeId(),
                            Map.entry(billingPeriod(c.chargeDate(), day(c.day())), c.amount())));
            return items;
        }

        BigDecimal billableUpTo(String accountId, LocalDate day) {
            return billable(accountId, day).values().stream().map(Map.Entry::getValue)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        /** What the expecting invoice holds, per the seed's table (SPEC §5), as a positive sum of items. */
        BigDecimal unbilled(Account account, LocalDate day) {
            if (account.mode().equals("NO_INVOICE")) {
                return billableUpTo(account.id(), day);
            }
            return unbilledInPeriod(account, day);
        }

        /** The items with B = period(day) that the expecting invoice holds: what uses the credit limit. */
        BigDecimal unbilledInPeriod(Account account, LocalDate day) {
            boolean chargesCount = !account.mode().equals("INDIVIDUAL_AND_MONTHLY");
            return billable(account.id(), day).entrySet().stream()
                    .filter(e -> e.getValue().getKey().equals(YearMonth.from(day)))
                    .filter(e -> chargesCount || e.getKey().startsWith("cdr "))
                    .map(e -> e.getValue().getValue()).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder();
            accounts.forEach(a -> text.append("  ").append(a.row()).append('\n'));
            cdrs.forEach(r -> text.append("  ").append(r).append('\n'));
            charges.forEach(c -> text.append("  ").append(c).append('\n'));
            payments.forEach(p -> text.append("  ").append(p).append('\n'));
            return text.toString();
        }
    }

    /** SPEC §4, written out independently of {@link LateUsageRule}: B = P if F ≤ C(P), else period(F). */
    private static YearMonth billingPeriod(LocalDate eventDate, LocalDate fileDate) {
        YearMonth eventPeriod = YearMonth.from(eventDate);
        LocalDate closeDate = eventPeriod.plusMonths(1).atDay(1);
        return fileDate.isAfter(closeDate) ? YearMonth.from(fileDate) : eventPeriod;
    }

    private static LocalDate day(int index) {
        return FIRST_DAY.plusDays(index);
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<Account> account = Combinators.combine(
                Arbitraries.of("INDIVIDUAL_AND_MONTHLY", "CONSOLIDATED_MONTHLY", "NO_INVOICE"),
                Arbitraries.of("SGD", "SGD", "JPY"),
                Arbitraries.integers().between(0, 60),
                Arbitraries.of("0", "0.09", "0.1", "0.075"))
                .as((mode, currency, limit, rate) -> new Account("", mode, currency, BigDecimal.valueOf(limit),
                        new BigDecimal(rate)));
        Arbitrary<List<Account>> accounts = account.list().ofMinSize(1).ofMaxSize(3).map(list -> {
            List<Account> named = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                Account a = list.get(i);
                named.add(new Account("A" + (i + 1), a.mode(), a.currency(), a.creditLimit(), a.taxRate()));
            }
            return named;
        });
        return accounts.flatMap(list -> Combinators.combine(
                        cdrLifecycle(list.size()).list().ofMaxSize(8),
                        charge(list.size()).list().ofMaxSize(4),
                        payment(list.size()).list().ofMaxSize(4))
                .as((cdrs, charges, payments) -> scenario(list, cdrs, charges, payments)));
    }

    /** A CDR's records: a first one, and if that is ONGOING perhaps a later one (ONGOING, COMPLETED or FAILED). */
    private Arbitrary<List<CdrRecord>> cdrLifecycle(int accountCount) {
        return Combinators.combine(
                        Arbitraries.integers().between(0, accountCount - 1),
                        Arbitraries.integers().between(0, DAYS - 1),
                        Arbitraries.integers().between(0, 40),
                        Arbitraries.of("COMPLETED", "COMPLETED", "ONGOING", "FAILED"),
                        money(0, 5000),
                        Arbitraries.integers().between(0, 3),
                        Arbitraries.of("COMPLETED", "FAILED", "ONGOING"),
                        money(0, 5000))
                .as((acc, first, back, status, amount, later, laterStatus, laterAmount) -> {
                    String accountId = "A" + (acc + 1);
                    LocalDate event = day(first).minusDays(back);
                    List<CdrRecord> records = new ArrayList<>();
                    records.add(new CdrRecord("pending", accountId, event, first, status, amount));
                    if (status.equals("ONGOING") && later > 0 && first + later < DAYS) {
                        records.add(new CdrRecord("pending", accountId, event, first + later, laterStatus,
                                laterAmount));
                    }
                    return records;
                });
    }

    private Arbitrary<Charge> charge(int accountCount) {
        return Combinators.combine(
                        Arbitraries.integers().between(0, accountCount - 1),
                        Arbitraries.integers().between(0, DAYS - 1),
                        Arbitraries.integers().between(0, 35),
                        money(-3000, 9000))
                .as((acc, d, back, amount) -> new Charge("pending", "A" + (acc + 1), day(d).minusDays(back), d,
                        amount));
    }

    private Arbitrary<Payment> payment(int accountCount) {
        return Combinators.combine(
                        Arbitraries.integers().between(0, accountCount - 1),
                        Arbitraries.integers().between(0, DAYS - 1),
                        money(1, 9000),
                        Arbitraries.integers().between(0, 1000))
                .as((acc, d, amount, ref) -> new Payment("pending", "A" + (acc + 1), d, amount, "#" + ref));
    }

    /** Ids made unique, and each payment's invoice_ref resolved to "", or a possible invoice of any account. */
    private static Scenario scenario(List<Account> accounts, List<List<CdrRecord>> lifecycles, List<Charge> charges,
                                     List<Payment> payments) {
        List<CdrRecord> cdrs = new ArrayList<>();
        for (int i = 0; i < lifecycles.size(); i++) {
            String id = "CDR-" + (i + 1);
            lifecycles.get(i).forEach(r -> cdrs.add(new CdrRecord(id, r.accountId(), r.eventDate(), r.day(),
                    r.status(), r.amount())));
        }
        List<Charge> namedCharges = new ArrayList<>();
        for (int i = 0; i < charges.size(); i++) {
            Charge c = charges.get(i);
            namedCharges.add(new Charge("CH-" + (i + 1), c.accountId(), c.chargeDate(), c.day(), c.amount()));
        }
        List<String> refs = new ArrayList<>(List.of("", "", "INV-NO-SUCH"));
        namedCharges.forEach(c -> refs.add("INV-" + c.accountId() + "-" + c.chargeId()));
        for (Account a : accounts) {
            for (String period : List.of("202609", "202610")) {
                refs.add("INV-" + a.id() + "-" + period + "-U");
                refs.add("INV-" + a.id() + "-" + period + "-C");
            }
        }
        List<Payment> namedPayments = new ArrayList<>();
        for (int i = 0; i < payments.size(); i++) {
            Payment p = payments.get(i);
            int pick = Integer.parseInt(p.invoiceRef().substring(1)) % refs.size();
            namedPayments.add(new Payment("P-" + (i + 1), p.accountId(), p.day(), p.amount(), refs.get(pick)));
        }
        return new Scenario(accounts, cdrs, namedCharges, namedPayments);
    }

    /** Exact decimals with 0 to 6 fractional digits, between min and max whole units. */
    private static Arbitrary<BigDecimal> money(int min, int max) {
        return Combinators.combine(Arbitraries.integers().between(min, max), Arbitraries.integers().between(0, 999_999),
                        Arbitraries.integers().between(0, 6))
                .as((units, fraction, scale) -> {
                    BigDecimal value = BigDecimal.valueOf(units)
                            .add(BigDecimal.valueOf(fraction, 6).setScale(scale, RoundingMode.DOWN));
                    return value.signum() <= 0 && min > 0 ? BigDecimal.valueOf(min) : value;
                });
    }

    // --- helpers ---------------------------------------------------------------------------------------

    private static BigDecimal amount(Map<String, String> row, String column) {
        return new BigDecimal(row.get(column));
    }

    private static BigDecimal sum(List<Map<String, String>> rows, String column) {
        return rows.stream().map(r -> amount(r, column)).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static String side(BigDecimal amount) {
        return amount.signum() < 0 ? "DR" : amount.signum() > 0 ? "CR" : "";
    }

    /**
     * Nightly runs are separate processes in production. Here they follow each other in one JVM within
     * milliseconds, and the previous run's advisory lock is released only when its pooled PostgreSQL session
     * has ended (RunLock.close() does not unlock), which can lag: without this wait the next run is
     * occasionally refused with exit code 4, ANOTHER_RUN.
     */
    private static void awaitRunLockReleased(String dbUrl) {
        try (Connection connection = DriverManager.getConnection(dbUrl);
             PreparedStatement locks = connection.prepareStatement("""
                     SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'
                     AND database = (SELECT oid FROM pg_database WHERE datname = current_database())""")) {
            for (int attempt = 0; attempt < 100; attempt++) {
                try (ResultSet held = locks.executeQuery()) {
                    held.next();
                    if (held.getLong(1) == 0) {
                        return;
                    }
                }
                Thread.sleep(50);
            }
            throw new AssertionError("the previous run's lock is still held after 5 s");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<String> folders(Path output) throws IOException {
        try (Stream<Path> children = Files.list(output)) {
            return children.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
