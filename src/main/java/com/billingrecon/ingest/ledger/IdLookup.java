package com.billingrecon.ingest.ledger;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/** One query for the latest accepted records of a chunk's ids. */
final class IdLookup {

    private IdLookup() {
    }

    static <P> Map<String, P> byId(JdbcTemplate jdbc, String sql, Collection<String> ids, RowMapper<P> mapper) {
        Map<String, P> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        String[] array = ids.toArray(String[]::new); // an id given twice is found once
        jdbc.query(sql,
                statement -> statement.setArray(1, statement.getConnection().createArrayOf("text", array)),
                (java.sql.ResultSet rs) -> {
                    found.put(rs.getString(1), mapper.mapRow(rs, 0));
                });
        return found;
    }
}
