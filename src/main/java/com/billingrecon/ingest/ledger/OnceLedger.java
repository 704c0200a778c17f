package com.billingrecon.ingest.ledger;

import com.billingrecon.ingest.rows.IdRules;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Records accepted once per id (charges, payments): the same content again is a duplicate, other
 * content under the id an ID_CONFLICT. A kind says which table and columns, and how its record reads.
 */
public abstract class OnceLedger<T> implements LedgerKind<T, IdRules.Prior> {

    private final JdbcTemplate jdbc;
    private final String table;
    private final String idColumn;
    /** The table's COPY columns, in the order of {@link #line}. */
    private final String columns;

    OnceLedger(JdbcTemplate jdbc, String table, String idColumn, String columns) {
        this.jdbc = jdbc;
        this.table = table;
        this.idColumn = idColumn;
        this.columns = columns;
    }

    abstract String accountId(T record);

    abstract String fingerprint(T record);

    @Override
    public Map<String, IdRules.Prior> priors(Collection<String> ids) {
        return IdLookup.byId(jdbc, "SELECT " + idColumn + ", account_id, fingerprint FROM " + table + " WHERE "
                + idColumn + " = ANY(?)", ids, (rs, n) -> new IdRules.Prior(rs.getString(2), rs.getString(3)));
    }

    @Override
    public IdRules.Verdict decide(IdRules.Prior prior, T record) {
        return IdRules.forOnce(prior, accountId(record), fingerprint(record));
    }

    @Override
    public IdRules.Prior remember(T record) {
        return new IdRules.Prior(accountId(record), fingerprint(record));
    }

    @Override
    public String explain(IdRules.Verdict verdict, IdRules.Prior prior, T record) {
        return prior.accountId().equals(accountId(record))
                ? idColumn + " " + id(record) + " was accepted before with other content"
                : idColumn + " " + id(record) + " belongs to account " + prior.accountId();
    }

    /** A rerun's rollback: the records taken in after that day go. */
    public void rollBackTo(LocalDate endOfDay) {
        jdbc.update("DELETE FROM " + table + " WHERE business_date > ?", endOfDay);
    }

    @Override
    public void save(List<Accepted<T>> accepted) {
        BulkCopy.lines(jdbc.getDataSource(), table, columns, accepted.stream().map(Accepted::line).toList());
    }
}
