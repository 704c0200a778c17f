package com.billingrecon.finance;

import com.billingrecon.domain.Amounts;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** One row of {@code aging.csv}: an account's open invoice amounts by days past due, and its unapplied credit. */
public record AgingLine(String accountId, String currency, List<BigDecimal> buckets, BigDecimal unappliedCredit) {

    public static final List<String> CSV_COLUMNS = List.of("account_id", "currency", "current", "1-30", "31-60",
            "61-90", "90+", "total_open", "unapplied_credit");

    public AgingLine {
        buckets = List.copyOf(buckets);
    }

    public BigDecimal totalOpen() {
        return buckets.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public List<String> csvValues() {
        List<String> values = new ArrayList<>(List.of(accountId, currency));
        buckets.forEach(b -> values.add(Amounts.format(b)));
        values.add(Amounts.format(totalOpen()));
        values.add(Amounts.format(unappliedCredit));
        return values;
    }
}
