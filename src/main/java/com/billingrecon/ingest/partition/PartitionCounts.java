package com.billingrecon.ingest.partition;

import com.billingrecon.ingest.FileCounts;
import com.billingrecon.ingest.InputFileStore;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Each partition's control counts per file ({@code cdr_partition_count}, which this class alone writes). A
 * partition adds its chunk's counts to its own rows, so partitions never wait on each other's row; after the
 * partitioned step they are summed into the files' counts. A count taken from the partitions' step executions
 * instead would be wrong after a restart of the manager (the framework's aggregation counts a partition once per
 * attempt).
 */
public final class PartitionCounts {

    private final JdbcTemplate jdbc;

    public PartitionCounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds a chunk's counts to partition {@code partition}'s, in the chunk's transaction. */
    public void add(LocalDate day, int partition, Map<String, FileCounts> countsByFile) {
        List<Object[]> rows = new ArrayList<>();
        countsByFile.forEach((file, c) -> rows.add(new Object[] {Date.valueOf(day), partition, file, c.rowsRead(),
                c.acceptedCount(), c.duplicateCount(), c.rejectedCount(), c.acceptedAmount()}));
        jdbc.batchUpdate("""
                INSERT INTO cdr_partition_count (business_date, partition, file_name, rows_read, accepted, duplicates,
                                                 rejected, accepted_amount)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (business_date, partition, file_name) DO UPDATE SET
                    rows_read = cdr_partition_count.rows_read + excluded.rows_read,
                    accepted = cdr_partition_count.accepted + excluded.accepted,
                    duplicates = cdr_partition_count.duplicates + excluded.duplicates,
                    rejected = cdr_partition_count.rejected + excluded.rejected,
                    accepted_amount = cdr_partition_count.accepted_amount + excluded.accepted_amount""", rows);
    }

    /**
     * Adds the day's partitions' counts to their files' counts and deletes them, in one transaction: run again
     * after it committed, it adds nothing.
     */
    public Map<String, FileCounts> sumInto(LocalDate day, InputFileStore files) {
        Map<String, FileCounts> sums = new LinkedHashMap<>();
        jdbc.query("""
                SELECT file_name, sum(rows_read), sum(accepted), sum(duplicates), sum(rejected), sum(accepted_amount)
                FROM cdr_partition_count WHERE business_date = ? GROUP BY file_name ORDER BY file_name""",
                rs -> {
                    sums.put(rs.getString(1), new FileCounts(rs.getLong(2), rs.getLong(3), rs.getLong(4),
                            rs.getLong(5), rs.getBigDecimal(6)));
                }, Date.valueOf(day));
        files.addCounts(sums);
        jdbc.update("DELETE FROM cdr_partition_count WHERE business_date = ?", Date.valueOf(day));
        return sums;
    }
}
