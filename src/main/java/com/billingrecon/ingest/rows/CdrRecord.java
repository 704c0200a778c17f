package com.billingrecon.ingest.rows;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A usage record that passed the row rules that need no history.
 *
 * @param zoneStart start_time as the billing zone's wall-clock time (what the ledger keeps; the given text is in the
 *                  fingerprint)
 * @param eventDate the date of start_time in the billing zone
 */
public record CdrRecord(String cdrId, String accountId, CdrType type, String zoneStart, LocalDate eventDate,
                        long durationSeconds, BigDecimal amount, String currency, CdrStatus status,
                        String fingerprint) {

    public enum CdrType { CALL, SMS, FAX, NUMBER_ACTIVATION }

    /** ONGOING reserves its amount; COMPLETED is a charge; FAILED releases. The last two are final. */
    public enum CdrStatus {
        ONGOING, COMPLETED, FAILED;

        public boolean isFinal() {
            return this != ONGOING;
        }
    }
}
