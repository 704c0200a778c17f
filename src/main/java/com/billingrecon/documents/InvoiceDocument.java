package com.billingrecon.documents;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * One document that goes to a customer: a tax invoice or a credit note, with the figures of the invoice
 * register. Amounts are signed as in the register (a credit note's total is negative).
 *
 * @param documentNo   the document's own number and file name: the invoice number for revision 1,
 *                     {@code <invoice_no>-R<n>} for a later revision, {@code CN-...} for a cancelling credit note
 * @param cancels      the document number a cancelling credit note cancels; null otherwise
 * @param cancelsDate  the issue date of the cancelled document; null otherwise
 * @param paid         what was applied to it so far (payments, credit)
 * @param toPay        what is still owed on it
 */
public record InvoiceDocument(String documentNo, String invoiceNo, int revision, String kind, YearMonth period,
                              LocalDate issueDate, LocalDate dueDate, Customer customer, String currency,
                              BigDecimal taxRate, List<DocumentLine> lines, BigDecimal subtotal, BigDecimal tax,
                              BigDecimal total, BigDecimal paid, BigDecimal toPay, String cancels,
                              LocalDate cancelsDate) {

    public boolean isCreditNote() {
        return total.signum() < 0;
    }

    /** The customer as accounts.csv gives it; the optional columns are "" when absent. */
    public record Customer(String accountId, String name, String address, String postalCode, String country,
                           String taxId, String peppolId, String email) {
    }

    /** A line of a document: usage summarised by type, or a charge with its description. */
    public record DocumentLine(int line, String description, String type, BigDecimal quantity, String unit,
                               BigDecimal amount) {
    }

    /** The number of the document that issues revision {@code revision} of an invoice. */
    public static String documentNo(String invoiceNo, int revision) {
        return revision == 1 ? invoiceNo : invoiceNo + "-R" + revision;
    }

    /** The number of the credit note that cancels revision {@code revision} of an invoice. */
    public static String creditNoteNo(String invoiceNo, int revision) {
        return "CN-" + documentNo(invoiceNo, revision);
    }
}
