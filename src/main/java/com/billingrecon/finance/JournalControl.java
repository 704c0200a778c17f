package com.billingrecon.finance;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The first control of the night: per currency the day's debits equal its credits, and each entry balances.
 *
 * @param totals            per currency, {debits, credits}
 * @param unbalancedEntries the entries whose postings do not add up to zero (none when the journal is right)
 */
public record JournalControl(Map<String, BigDecimal[]> totals, List<String> unbalancedEntries) {

    public static JournalControl of(List<JournalLine> lines) {
        Map<String, BigDecimal[]> totals = new TreeMap<>();
        Map<String, BigDecimal> entries = new LinkedHashMap<>();
        for (JournalLine line : lines) {
            BigDecimal[] sums = totals.computeIfAbsent(line.currency(), c -> new BigDecimal[] {BigDecimal.ZERO,
                    BigDecimal.ZERO});
            sums[0] = sums[0].add(line.debit());
            sums[1] = sums[1].add(line.credit());
            entries.merge(line.entry(), line.amount(), BigDecimal::add);
        }
        TreeSet<String> unbalanced = new TreeSet<>();
        entries.forEach((entry, sum) -> {
            if (sum.signum() != 0) {
                unbalanced.add(entry);
            }
        });
        return new JournalControl(totals, List.copyOf(unbalanced));
    }

    public boolean balanced() {
        return unbalancedEntries.isEmpty() && totals.values().stream().allMatch(s -> s[0].compareTo(s[1]) == 0);
    }
}
