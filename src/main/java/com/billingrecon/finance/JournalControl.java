package com.billingrecon.finance;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The first control of the night: per currency the day's debits equal its credits, and each entry balances.
 *
 * @param totals            per currency, {debits, credits}
 * @param unbalancedEntries the entries whose postings do not add up to zero (none when the journal is right)
 */
public record JournalControl(Map<String, BigDecimal[]> totals, List<String> unbalancedEntries) {

    public boolean balanced() {
        return unbalancedEntries.isEmpty() && totals.values().stream().allMatch(s -> s[0].compareTo(s[1]) == 0);
    }

    /**
     * The control added up while the journal is written, line by line. An entry's lines come together, so
     * only the entry being read is summed: the memory held is per currency, not per line.
     */
    static final class Tally implements Consumer<JournalLine> {
        private final Map<String, BigDecimal[]> totals = new TreeMap<>();
        private final TreeSet<String> unbalanced = new TreeSet<>();
        private String entry;
        private BigDecimal entrySum = BigDecimal.ZERO;
        private long lines;

        @Override
        public void accept(JournalLine line) {
            BigDecimal[] sums = totals.computeIfAbsent(line.currency(), c -> new BigDecimal[] {BigDecimal.ZERO,
                    BigDecimal.ZERO});
            sums[0] = sums[0].add(line.debit());
            sums[1] = sums[1].add(line.credit());
            if (!line.entry().equals(entry)) {
                closeEntry();
                entry = line.entry();
            }
            entrySum = entrySum.add(line.amount());
            lines++;
        }

        long lines() {
            return lines;
        }

        JournalControl control() {
            closeEntry();
            entry = null;
            return new JournalControl(totals, List.copyOf(unbalanced));
        }

        private void closeEntry() {
            if (entry != null && entrySum.signum() != 0) {
                unbalanced.add(entry);
            }
            entrySum = BigDecimal.ZERO;
        }
    }
}
