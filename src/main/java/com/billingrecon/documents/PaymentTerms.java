package com.billingrecon.documents;

import java.time.LocalDate;

/** When an invoice is due: its issue date plus the payment terms (the account's, else the supplier's). */
public final class PaymentTerms {

    private PaymentTerms() {
    }

    /**
     * The one place a due date is computed.
     *
     * @param accountTermsDays the account's own payment terms in days; null when it has none
     * @param defaultTermsDays the supplier's configured payment terms in days
     */
    public static LocalDate dueDate(LocalDate issueDate, Integer accountTermsDays, int defaultTermsDays) {
        return issueDate.plusDays(accountTermsDays != null ? accountTermsDays : defaultTermsDays);
    }
}
