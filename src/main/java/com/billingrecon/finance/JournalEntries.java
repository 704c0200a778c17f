package com.billingrecon.finance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Builds a day's journal one entry at a time. Entries are numbered {@code YYYYMMDD-nnnnnn} in the order they
 * are opened; a posting of zero is left out, and an entry left with no posting is dropped. Whether each
 * entry balances is for {@link JournalControl} to say: an unbalanced one is shown, not hidden. Only the entry
 * being built is held; a finished one goes to the sink (the file being written).
 */
final class JournalEntries {

    private final String prefix;
    private final LocalDate day;
    private final Consumer<JournalLine> sink;
    private final List<JournalLine> open = new ArrayList<>();
    private int entries;
    private String entry;
    private String currency;
    private String accountId;

    JournalEntries(LocalDate day, Consumer<JournalLine> sink) {
        this("", day, sink);
    }

    /** Entries numbered {@code <prefix>YYYYMMDD-nnnnnn}, so that they cannot be taken for that day's own. */
    JournalEntries(String prefix, LocalDate day, Consumer<JournalLine> sink) {
        this.prefix = prefix;
        this.day = day;
        this.sink = sink;
    }

    void open(String currency, String accountId) {
        close();
        this.entry = prefix + day.format(DateTimeFormatter.BASIC_ISO_DATE) + "-" + String.format("%06d", entries + 1);
        this.currency = currency;
        this.accountId = accountId;
    }

    /** A posting: positive debits {@code glAccount}, negative credits it. */
    void post(String glAccount, BigDecimal amount, String document, String description) {
        if (amount.signum() != 0) {
            open.add(new JournalLine(entry, day, glAccount, amount, currency, accountId, document, description));
        }
    }

    /** Hands over the last entry. */
    void finish() {
        close();
    }

    private void close() {
        if (open.isEmpty()) {
            return;
        }
        open.forEach(sink);
        open.clear();
        entries++;
    }
}
