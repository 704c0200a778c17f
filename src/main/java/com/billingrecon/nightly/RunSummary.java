package com.billingrecon.nightly;

import com.billingrecon.job.ExitCode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The closing lines of a run: what it took in, what needs a human, and the exit code that follows. */
@Component
public class RunSummary {

    private static final Logger log = LoggerFactory.getLogger(RunSummary.class);

    private final JdbcTemplate jdbc;

    public RunSummary(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public ExitCode report(LocalDate first, LocalDate last) {
        Map<String, Object> totals = jdbc.queryForMap("""
                SELECT count(*) AS files,
                       coalesce(sum(rows_read), 0) AS rows_read,
                       coalesce(sum(accepted), 0) AS accepted,
                       coalesce(sum(duplicates), 0) AS duplicates,
                       coalesce(sum(rejected), 0) AS rejected,
                       count(*) FILTER (WHERE status = 'REJECTED') AS rejected_files
                FROM input_file WHERE business_date BETWEEN ? AND ?""", first, last);
        List<String> held = jdbc.queryForList(
                "SELECT file_name || ' (' || detail || ')' FROM day_listing WHERE business_date = ? AND status = 'HELD' "
                        + "ORDER BY file_name COLLATE \"C\"", String.class, last);
        long rejectedFiles = ((Number) totals.get("rejected_files")).longValue();
        ExitCode exit = rejectedFiles > 0 || !held.isEmpty() ? ExitCode.DONE_WITH_FILES_TO_CHECK : ExitCode.DONE;
        log.info("Summary: days {}..{} ({}), files {}, rows read {}, accepted {}, duplicates {}, rejected rows {}, "
                        + "files rejected whole {}, files held {}, exit code {}",
                first, last, ChronoUnit.DAYS.between(first, last) + 1, totals.get("files"), totals.get("rows_read"),
                totals.get("accepted"), totals.get("duplicates"), totals.get("rejected"), rejectedFiles, held.size(),
                exit.code());
        held.forEach(file -> log.warn("Held: {}", file));
        return exit;
    }
}
