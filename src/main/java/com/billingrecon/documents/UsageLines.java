package com.billingrecon.documents;

import com.billingrecon.documents.InvoiceDocument.DocumentLine;
import java.math.BigDecimal;

/** How a group of CDRs or a charge reads on a document: usage summarised by type, a charge by its description. */
final class UsageLines {

    private static final int USAGE = 1;

    private UsageLines() {
    }

    static DocumentLine line(int line, int group, String type, long quantity, long seconds, BigDecimal amount,
                             String description) {
        if (group != USAGE) {
            return new DocumentLine(line, description, type, BigDecimal.ONE, "item", amount);
        }
        return switch (type) {
            case "CALL" -> new DocumentLine(line, "Calls (" + quantity + ", " + duration(seconds) + ")", type,
                    BigDecimal.valueOf(quantity), "call", amount);
            case "SMS" -> new DocumentLine(line, "SMS messages", type, BigDecimal.valueOf(quantity), "message", amount);
            case "FAX" -> new DocumentLine(line, "Fax", type, BigDecimal.valueOf(quantity), "fax", amount);
            default -> new DocumentLine(line, "Number activations", type, BigDecimal.valueOf(quantity), "activation", amount);
        };
    }

    /** Call time as minutes and seconds, e.g. {@code 125 min 07 s}: exact, nothing rounded. */
    static String duration(long seconds) {
        return "%d min %02d s".formatted(seconds / 60, seconds % 60);
    }
}
