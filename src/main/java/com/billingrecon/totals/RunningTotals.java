package com.billingrecon.totals;

import com.billingrecon.domain.FileKind;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The running totals (tables {@code account_total}, {@code period_total}, its completed usage by CDR type
 * {@code period_usage_total}, and the days they hold, {@code totalled_day}): what the balances, the month-close
 * invoices and their journal are read from, so that a night costs the same whatever the history behind it.
 * Every change is a set of items (view {@code totalled_item}: current CDR records, charges, payments,
 * current invoice revisions) added or subtracted in the transaction that changes them.
 */
@Repository
public class RunningTotals {

    /** What an item query yields, in this order. */
    static final String ITEM_COLUMNS = "account_id, billing_period, item_kind, item_id, status, amount, usage_type";

    /** A hash per item; summed, the order-independent digest an invoice keeps of its items. */
    public static final String DIGEST = "hashtext(item_kind || ':' || item_id || ':' || trim_scale(amount)::text)::bigint";
    private static final String USAGE = "item_kind = 'CDR' AND status = 'COMPLETED'";
    private static final String CHARGE = "item_kind = 'CHARGE'";
    /** Items of the ONGOING records a later record replaced: they counted only in the reserved total. */
    private static final String SUPERSEDED = "SELECT account_id, NULL::date, 'CDR', cdr_id, 'ONGOING', amount, "
            + "NULL::text FROM cdr_superseded ";

    private final JdbcTemplate jdbc;

    public RunningTotals(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Adds a business day's CDRs, charges and payments once they are all taken in. A CDR record that
     * replaced one taken in on an earlier day takes that one's place (ONGOING to COMPLETED moves its
     * amount from reserved to usage; FAILED releases it). A day already added is not added again.
     */
    public void addDay(LocalDate day) {
        if (jdbc.update("INSERT INTO totalled_day (business_date) VALUES (?) ON CONFLICT DO NOTHING", day) == 0) {
            return;
        }
        if (Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM input_file WHERE kept_by_rerun)",
                Boolean.class))) {
            addReplayedDay(day);
            return;
        }
        // the day's rows were just copied in: fresh statistics keep the day's grouping on a good plan
        analyze(day);
        apply(1, "SELECT " + ITEM_COLUMNS + " FROM totalled_item WHERE business_date = ? AND item_kind <> 'INVOICE'",
                day);
        apply(-1, SUPERSEDED + "WHERE superseded_on = ? AND taken_on < ?", day, day);
    }

    /**
     * A day replayed by a rerun that keeps the CDRs of unchanged files: those are in the totals already, so of the
     * day's CDR records only those of the ids it decided again (the scope) are added, with its charges and payments.
     */
    private void addReplayedDay(LocalDate day) {
        jdbc.execute("ANALYZE cdr_superseded, charge, payment");
        apply(1, "SELECT " + ITEM_COLUMNS + " FROM totalled_item WHERE business_date = ? AND item_kind <> 'CDR'", day);
        boolean decidedAgain = Boolean.TRUE.equals(jdbc.queryForObject("""
                SELECT EXISTS (SELECT 1 FROM input_file f WHERE f.business_date = ? AND f.kind = ?
                               AND f.status = 'PROCESSED' AND (NOT f.kept_by_rerun
                                   OR EXISTS (SELECT 1 FROM cdr_rerun_row r WHERE r.file_id = f.file_id)))""",
                Boolean.class, day, FileKind.CDR.label()));
        if (decidedAgain) {
            apply(1, SCOPE_LATEST, day);
        }
        apply(-1, SUPERSEDED + "WHERE superseded_on = ? AND taken_on < ? AND " + IN_SCOPE, day, day);
    }

    private static final String IN_SCOPE = "cdr_id IN (SELECT cdr_id FROM cdr_rerun_scope)";
    /** The records of the scope's CDRs taken in on a day that are their CDR's latest. */
    private static final String SCOPE_LATEST = """
            SELECT h.account_id, h.billing_period, 'CDR', h.cdr_id, h.status::text, h.amount, h.type::text
            FROM cdr_history h
            WHERE h.business_date = ? AND h.cdr_id IN (SELECT cdr_id FROM cdr_rerun_scope)
            AND NOT EXISTS (SELECT 1 FROM cdr_superseded s WHERE s.file_id = h.file_id AND s.line = h.line)""";

    /** The share of a partition's rows a day must add for its statistics to be refreshed (autovacuum's default). */
    static final double STALE_SHARE = 0.1;

    /**
     * Statistics of the tables a day's rows went to: the history's partitions a record taken in on
     * {@code day} can be in (its month's and, on the 1st, the month before), not the whole history; and of those
     * only the ones the day's records may have changed by more than {@link #STALE_SHARE} (a small night late in a
     * month of big ones leaves a partition's statistics as they were: sampling it would cost what the month holds).
     */
    private void analyze(LocalDate day) {
        jdbc.execute("ANALYZE cdr_superseded, charge, payment");
        long dayRecords = jdbc.queryForObject("SELECT coalesce(sum(accepted), 0) FROM input_file "
                + "WHERE business_date = ? AND kind = ?", Long.class, day, FileKind.CDR.label());
        for (LocalDate period : Stream.of(day.withDayOfMonth(1), day.minusDays(1).withDayOfMonth(1)).distinct().toList()) {
            String partition = jdbc.queryForObject("SELECT cdr_history_partition(?)", String.class, period);
            double rows = jdbc.queryForObject("SELECT reltuples FROM pg_class WHERE oid = ?::regclass", Double.class,
                    partition);
            if (rows <= 0 || dayRecords > STALE_SHARE * rows) {
                jdbc.execute("ANALYZE " + partition);
            }
        }
    }

    /**
     * Counts a restored month's completed usage by CDR type again from its history (its totalled days): a month
     * archived before those totals existed has none, and its rerun or close journal would read them.
     */
    public void recountUsageByType(YearMonth period) {
        jdbc.update("DELETE FROM period_usage_total WHERE billing_period = ?", period.atDay(1));
        jdbc.update("WITH g AS MATERIALIZED (" + grouped("SELECT " + ITEM_COLUMNS + " FROM totalled_item "
                + "WHERE item_kind = 'CDR' AND billing_period = ? "
                + "AND business_date IN (SELECT business_date FROM totalled_day)") + ") "
                + "INSERT INTO period_usage_total (billing_period, account_id, type, usage) " + usageSums(1),
                period.atDay(1));
    }

    /** Adds the invoices issued on {@code day}, but for those already counted (issued before this step). */
    public void addInvoicesIssuedOn(LocalDate day, Collection<String> alreadyCounted) {
        apply(1, "SELECT " + ITEM_COLUMNS + " FROM totalled_item WHERE item_kind = 'INVOICE' AND business_date = ? "
                + "AND NOT (item_id = ANY(?))", day, alreadyCounted.toArray(String[]::new));
    }

    /**
     * The totals as they were at the end of {@code endOfDay}, before a rerun's rollback takes away what
     * came later: the items taken in or issued after it go, and each CDR's record of that day is back.
     */
    public void rollBackTo(LocalDate endOfDay) {
        if (!Boolean.TRUE.equals(jdbc.queryForObject("""
                SELECT EXISTS (SELECT 1 FROM totalled_day WHERE business_date <= ?)
                       OR EXISTS (SELECT 1 FROM business_day WHERE business_date <= ?)""", Boolean.class, endOfDay,
                endOfDay))) {
            // no day up to then was totalled: nothing in the totals is of those days
            jdbc.execute("TRUNCATE account_total, period_total, period_usage_total, totalled_day");
            return;
        }
        jdbc.update("DELETE FROM totalled_day WHERE business_date > ?", endOfDay);
        apply(-1, "SELECT " + ITEM_COLUMNS + " FROM totalled_item WHERE business_date > ?", endOfDay);
        apply(1, SUPERSEDED + "WHERE superseded_on > ? AND taken_on <= ?", endOfDay, endOfDay);
    }

    /**
     * As {@link #rollBackTo}, for a rerun that keeps the CDRs of unchanged files: of the CDRs only those of the scope
     * go back ({@code scopeDays}: the days after {@code endOfDay} on which the scope's records were taken in); the
     * later charges, payments and invoices all go.
     */
    public void rollBackKeeping(LocalDate endOfDay, List<LocalDate> scopeDays) {
        jdbc.update("DELETE FROM totalled_day WHERE business_date > ?", endOfDay);
        apply(-1, "SELECT " + ITEM_COLUMNS + " FROM totalled_item WHERE business_date > ? AND item_kind <> 'CDR'",
                endOfDay);
        for (LocalDate day : scopeDays) {
            apply(-1, SCOPE_LATEST, day);
        }
        apply(1, SUPERSEDED + "WHERE superseded_on > ? AND taken_on <= ? AND " + IN_SCOPE, endOfDay, endOfDay);
    }

    /**
     * The items of {@code items} summed per account, period, kind, status and CDR type: one row per account and
     * kind rather than per CDR, so that what the totals are computed from stays small when kept.
     */
    static String grouped(String items) {
        return """
                SELECT account_id, billing_period, item_kind, status, sum(amount) AS amount, count(*) AS items,
                       sum(%s) AS digest, usage_type
                FROM (%s) i (%s)
                GROUP BY account_id, billing_period, item_kind, status, usage_type""".formatted(DIGEST, items,
                ITEM_COLUMNS);
    }

    /** The completed usage per billing period, account and CDR type of the {@link #grouped} items {@code g}, times {@code sign}. */
    static String usageSums(int sign) {
        return """
                SELECT billing_period, account_id, usage_type::cdr_type, %d * sum(amount) FROM g WHERE %s
                GROUP BY billing_period, account_id, usage_type""".formatted(sign, USAGE);
    }

    /** The sums per billing period and account of the {@link #grouped} items {@code g}, times {@code sign}. */
    static String periodSums(int sign) {
        return """
                SELECT billing_period, account_id,
                       %1$d * coalesce(sum(amount) FILTER (WHERE %2$s), 0),
                       (%1$d * coalesce(sum(items) FILTER (WHERE %2$s), 0))::bigint,
                       (%1$d * coalesce(sum(digest) FILTER (WHERE %2$s), 0))::bigint,
                       %1$d * coalesce(sum(amount) FILTER (WHERE %3$s), 0),
                       (%1$d * coalesce(sum(items) FILTER (WHERE %3$s), 0))::bigint,
                       (%1$d * coalesce(sum(digest) FILTER (WHERE %3$s), 0))::bigint
                FROM g WHERE (%2$s) OR (%3$s)
                GROUP BY billing_period, account_id""".formatted(sign, USAGE, CHARGE);
    }

    /** The sums per account of the {@link #grouped} items {@code g}, times {@code sign}. */
    static String accountSums(int sign) {
        return """
                SELECT account_id,
                       %1$d * coalesce(sum(amount) FILTER (WHERE item_kind = 'CDR' AND status = 'ONGOING'), 0),
                       %1$d * coalesce(sum(amount) FILTER (WHERE %2$s), 0),
                       %1$d * coalesce(sum(amount) FILTER (WHERE %3$s), 0),
                       %1$d * coalesce(sum(amount) FILTER (WHERE item_kind = 'PAYMENT'), 0),
                       %1$d * coalesce(sum(amount) FILTER (WHERE item_kind = 'INVOICE'), 0)
                FROM g GROUP BY account_id""".formatted(sign, USAGE, CHARGE);
    }

    /**
     * Adds the {@link #grouped} {@code items}, times {@code sign}, to every total. The items are grouped by a
     * statement of their own, into a temporary table: a statement that writes gets no parallel workers, a
     * {@code CREATE TABLE AS} does, and the grouping of a big day is most of what this costs.
     * {@code args} are the parameters of {@code items}; a {@code String[]} is sent as a text array.
     */
    private void apply(int sign, String items, Object... args) {
        jdbc.update("CREATE TEMPORARY TABLE totals_change ON COMMIT DROP AS " + grouped(items), statement -> {
            for (int n = 0; n < args.length; n++) {
                Object arg = args[n];
                if (arg instanceof String[] texts) {
                    statement.setArray(n + 1, statement.getConnection().createArrayOf("text", texts));
                } else {
                    statement.setObject(n + 1, arg);
                }
            }
        });
        jdbc.update("""
                WITH g AS (TABLE totals_change),
                p AS (INSERT INTO period_total AS t (billing_period, account_id, usage, usage_items, usage_digest,
                                                     charges, charge_items, charge_digest)
                      %s
                      ON CONFLICT (billing_period, account_id) DO UPDATE SET
                          usage = t.usage + excluded.usage, usage_items = t.usage_items + excluded.usage_items,
                          usage_digest = t.usage_digest + excluded.usage_digest, charges = t.charges + excluded.charges,
                          charge_items = t.charge_items + excluded.charge_items,
                          charge_digest = t.charge_digest + excluded.charge_digest),
                u AS (INSERT INTO period_usage_total AS t (billing_period, account_id, type, usage)
                      %s
                      ON CONFLICT (billing_period, account_id, type) DO UPDATE SET usage = t.usage + excluded.usage)
                INSERT INTO account_total AS t (account_id, reserved, usage, charges, payments, invoiced)
                %s
                ON CONFLICT (account_id) DO UPDATE SET
                    reserved = t.reserved + excluded.reserved, usage = t.usage + excluded.usage,
                    charges = t.charges + excluded.charges, payments = t.payments + excluded.payments,
                    invoiced = t.invoiced + excluded.invoiced""".formatted(periodSums(sign), usageSums(sign),
                accountSums(sign)));
        jdbc.execute("DROP TABLE totals_change");
    }
}
