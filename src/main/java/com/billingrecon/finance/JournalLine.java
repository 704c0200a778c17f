package com.billingrecon.finance;

import com.billingrecon.domain.Amounts;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One posting of {@code journal.csv}. {@code amount} is signed: positive is a debit, negative a credit, so an
 * entry is balanced when its amounts add up to zero.
 */
public record JournalLine(String entry, LocalDate date, String glAccount, BigDecimal amount, String currency,
                          String accountId, String document, String description) {

    public static final List<String> CSV_COLUMNS = List.of("entry", "date", "gl_account", "debit", "credit",
            "currency", "account_id", "document", "description");

    public BigDecimal debit() {
        return amount.signum() > 0 ? amount : BigDecimal.ZERO;
    }

    public BigDecimal credit() {
        return amount.signum() < 0 ? amount.negate() : BigDecimal.ZERO;
    }

    /** One of debit and credit is empty. */
    public List<String> csvValues() {
        String debit = amount.signum() > 0 ? Amounts.format(amount) : "";
        String credit = amount.signum() < 0 ? Amounts.format(amount.negate()) : "";
        return List.of(entry, date.toString(), glAccount, debit, credit, currency, accountId, document, description);
    }
}
