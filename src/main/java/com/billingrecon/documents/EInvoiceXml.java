package com.billingrecon.documents;

import com.billingrecon.documents.InvoiceDocument.Customer;
import com.billingrecon.documents.InvoiceDocument.DocumentLine;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A document as a Peppol PINT SG e-invoice: UBL 2.1 {@code Invoice} (type 380) or {@code CreditNote} (381).
 *
 * <p>UBL carries money in minor units (PINT SG: at most two decimals), while usage items keep up to six. So every
 * line is rounded HALF_UP, and a document-level charge or allowance "Rounding of usage to cents" brings the
 * lines to the register's subtotal rounded the same way. Tax is the register's (already in minor units), so the
 * e-invoice's totals are the register's subtotal, tax and total in minor units. A credit note carries its amounts
 * as positive numbers, as UBL wants.
 *
 * <p>The buyer's electronic address (BT-49), which Peppol requires, is the customer's Peppol participant id;
 * without one, a Singapore customer whose tax id is a UEN is addressed by it under scheme 0195 ({@code SGUEN}
 * and the UEN, as the Singapore registry composes participant ids), and any other customer by
 * {@code 0195:SGUNREG}, Singapore's identifier for a buyer that is not on the network. PINT SG's code list of
 * electronic address schemes has no e-mail scheme.
 *
 * <p>A document in another currency than SGD states GST in SGD, as PINT SG wants (BR-113-GST-SG, BR-53-GST-SG):
 * tax currency code SGD, a second {@code TaxTotal} in SGD, and the totals excluding and including GST in SGD as
 * the {@code sgdtotal-excl-gst} and {@code sgdtotal-incl-gst} document references, at the configured rate.
 */
public final class EInvoiceXml {

    static final String CUSTOMIZATION_ID = "urn:peppol:pint:billing-1@sg-1";
    static final String PROFILE_ID = "urn:peppol:bis:billing";
    private static final String INVOICE_NS = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
    private static final String CREDIT_NOTE_NS = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";
    private static final String CAC = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
    private static final String CBC = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";
    /** Singapore's UEN as a Peppol participant identifier scheme. */
    private static final String UEN_SCHEME = "0195";
    static final String SGD = "SGD";
    /** The participant id of a buyer that is not on the network (Singapore's placeholder under scheme 0195). */
    static final String UNREGISTERED_BUYER = UEN_SCHEME + ":SGUNREG";
    /** A UEN: a business (8 digits and a letter), a local company (9 and a letter), or another entity. */
    private static final Pattern UEN = Pattern.compile("[0-9]{8}[A-Z]|[0-9]{9}[A-Z]|[TSR][0-9]{2}[A-Z]{2}[0-9]{4}[A-Z]");
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private EInvoiceXml() {
    }

    /**
     * What the customer lacks for a PINT SG e-invoice, as accounts.csv columns: PINT SG wants the buyer's
     * address line and postal code on a GST invoice (BR-107-GST-SG). Empty when the e-invoice can be written.
     */
    public static List<String> missing(InvoiceDocument document) {
        List<String> missing = new ArrayList<>();
        if (document.customer().address().isBlank()) {
            missing.add("billing_address");
        }
        if (document.customer().postalCode().isBlank()) {
            missing.add("billing_postal_code");
        }
        return missing;
    }

    /** The buyer's electronic address: its Peppol id, else its UEN under 0195, else the unregistered buyer's. */
    static String buyerEndpoint(Customer c) {
        if (!c.peppolId().isBlank()) {
            return c.peppolId().trim();
        }
        String taxId = c.taxId().replaceAll("[^0-9A-Za-z]", "").toUpperCase(Locale.ROOT);
        boolean singapore = c.country().isBlank() || c.country().trim().equalsIgnoreCase("SG");
        return singapore && UEN.matcher(taxId).matches() ? UEN_SCHEME + ":SGUEN" + taxId : UNREGISTERED_BUYER;
    }

    /** A GST category: standard-rated when tax is charged, zero-rated otherwise. */
    static String taxCategory(BigDecimal taxRate) {
        return taxRate.signum() > 0 ? "SR" : "ZR";
    }

    /** The document's UUID (IRAS requires one), derived from its number so a re-write gives the same. */
    static String uuid(InvoiceDocument d) {
        return UUID.nameUUIDFromBytes(("billing-recon:" + d.documentNo()).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * The e-invoice of a document.
     *
     * @param sgdRate SGD for one unit of the document's currency; null for a document in SGD
     */
    public static byte[] write(InvoiceDocument d, SupplierProperties supplier, BigDecimal sgdRate) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8 * 1024);
        try {
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out, "UTF-8");
            new Writer(xml, d, supplier, sgdRate == null ? null : DocumentAmounts.inSgd(d, sgdRate)).document();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the e-invoice of " + d.documentNo(), e);
        }
        return out.toByteArray();
    }

    private static final class Writer {
        private final XMLStreamWriter xml;
        private final InvoiceDocument d;
        private final SupplierProperties supplier;
        private final boolean credit;
        private final BigDecimal sign;
        private final String currency;
        private final String category;
        private final String percent;
        /** The figures in SGD of a document in another currency; null for an SGD document. */
        private final DocumentAmounts.InSgd sgd;

        Writer(XMLStreamWriter xml, InvoiceDocument d, SupplierProperties supplier, DocumentAmounts.InSgd sgd) {
            this.sgd = sgd;
            this.xml = xml;
            this.d = d;
            this.supplier = supplier;
            this.credit = d.isCreditNote();
            this.sign = credit ? BigDecimal.ONE.negate() : BigDecimal.ONE;
            this.currency = d.currency();
            this.category = EInvoiceXml.taxCategory(d.taxRate());
            this.percent = DocumentAmounts.percent(d.taxRate());
        }

        private BigDecimal money(BigDecimal amount) {
            return DocumentAmounts.rounded(amount.multiply(sign), currency);
        }

        void document() throws XMLStreamException {
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            String root = credit ? "CreditNote" : "Invoice";
            xml.writeStartElement("", root, credit ? CREDIT_NOTE_NS : INVOICE_NS);
            xml.writeDefaultNamespace(credit ? CREDIT_NOTE_NS : INVOICE_NS);
            xml.writeNamespace("cac", CAC);
            xml.writeNamespace("cbc", CBC);
            cbc("CustomizationID", CUSTOMIZATION_ID);
            cbc("ProfileID", PROFILE_ID);
            cbc("ID", d.documentNo());
            cbc("UUID", uuid(d));
            cbc("IssueDate", d.issueDate().toString());
            if (!credit) {
                cbc("DueDate", d.dueDate().toString());
            }
            cbc(credit ? "CreditNoteTypeCode" : "InvoiceTypeCode", credit ? "381" : "380");
            if (d.cancels() != null) {
                cbc("Note", "Cancels " + d.cancels() + " of " + d.cancelsDate() + ", revised by a re-run of the billing period");
            } else if (credit) {
                cbc("Note", "Credit for " + d.period() + " (" + d.kind() + ")");
            }
            cbc("DocumentCurrencyCode", currency);
            if (sgd != null) {
                cbc("TaxCurrencyCode", SGD);
            }
            cbc("BuyerReference", d.customer().accountId());
            start("cac", "InvoicePeriod");
            cbc("StartDate", d.period().atDay(1).toString());
            cbc("EndDate", d.period().atEndOfMonth().toString());
            end();
            if (d.cancels() != null) {
                start("cac", "BillingReference");
                start("cac", "InvoiceDocumentReference");
                cbc("ID", d.cancels());
                cbc("IssueDate", d.cancelsDate().toString());
                end();
                end();
            }
            if (sgd != null) {
                sgdTotal("sgdtotal-excl-gst", sgd.subtotal());
                sgdTotal("sgdtotal-incl-gst", sgd.total());
            }
            supplierParty();
            customerParty();
            paymentMeans();
            BigDecimal lines = BigDecimal.ZERO;
            for (DocumentLine line : d.lines()) {
                lines = lines.add(money(line.amount()));
            }
            BigDecimal subtotal = money(d.subtotal());
            BigDecimal rounding = subtotal.subtract(lines);
            if (rounding.signum() != 0) {
                allowanceCharge(rounding);
            }
            BigDecimal tax = money(d.tax());
            start("cac", "TaxTotal");
            amount("TaxAmount", tax);
            start("cac", "TaxSubtotal");
            amount("TaxableAmount", subtotal);
            amount("TaxAmount", tax);
            taxCategory("TaxCategory");
            end();
            end();
            if (sgd != null) {
                start("cac", "TaxTotal");
                amount("TaxAmount", sgd.tax().multiply(sign), SGD);
                end();
            }
            BigDecimal inclusive = subtotal.add(tax);
            BigDecimal prepaid = money(d.paid());
            start("cac", "LegalMonetaryTotal");
            amount("LineExtensionAmount", lines);
            amount("TaxExclusiveAmount", subtotal);
            amount("TaxInclusiveAmount", inclusive);
            if (rounding.signum() < 0) {
                amount("AllowanceTotalAmount", rounding.negate());
            } else if (rounding.signum() > 0) {
                amount("ChargeTotalAmount", rounding);
            }
            if (prepaid.signum() != 0) {
                amount("PrepaidAmount", prepaid);
            }
            amount("PayableAmount", inclusive.subtract(prepaid));
            end();
            for (DocumentLine line : d.lines()) {
                line(line);
            }
            xml.writeEndElement();
            xml.writeEndDocument();
        }

        private void supplierParty() throws XMLStreamException {
            start("cac", "AccountingSupplierParty");
            start("cac", "Party");
            String peppolId = SupplierProperties.blank(supplier.peppolId()) ? supplier.uen() : supplier.peppolId();
            endpoint(peppolId);
            address(supplier.addressLine(), supplier.city(), supplier.postalCode(), supplier.countryCode());
            start("cac", "PartyTaxScheme");
            cbc("CompanyID", supplier.gstNumber());
            start("cac", "TaxScheme");
            cbc("ID", "GST");
            end();
            end();
            start("cac", "PartyLegalEntity");
            cbc("RegistrationName", supplier.name());
            cbc("CompanyID", supplier.uen());
            end();
            if (!SupplierProperties.blank(supplier.email())) {
                start("cac", "Contact");
                cbc("ElectronicMail", supplier.email());
                end();
            }
            end();
            end();
        }

        private void customerParty() throws XMLStreamException {
            Customer c = d.customer();
            start("cac", "AccountingCustomerParty");
            start("cac", "Party");
            endpoint(buyerEndpoint(c));
            start("cac", "PartyIdentification");
            cbc("ID", c.accountId());
            end();
            address(c.address(), "", c.postalCode(), c.country().isEmpty() ? "SG" : c.country());
            if (!c.taxId().isEmpty()) {
                start("cac", "PartyTaxScheme");
                cbc("CompanyID", c.taxId());
                start("cac", "TaxScheme");
                cbc("ID", "GST");
                end();
                end();
            }
            start("cac", "PartyLegalEntity");
            cbc("RegistrationName", c.name());
            end();
            if (!c.email().isEmpty()) {
                start("cac", "Contact");
                cbc("ElectronicMail", c.email());
                end();
            }
            end();
            end();
        }

        /** A participant id written {@code scheme:value} (e.g. {@code 0195:SGUEN...}), else a UEN. */
        private void endpoint(String participant) throws XMLStreamException {
            int colon = participant.indexOf(':');
            xml.writeStartElement("cbc", "EndpointID", CBC);
            xml.writeAttribute("schemeID", colon > 0 ? participant.substring(0, colon) : UEN_SCHEME);
            xml.writeCharacters(colon > 0 ? participant.substring(colon + 1) : participant);
            xml.writeEndElement();
        }

        private void address(String line, String city, String postalCode, String country) throws XMLStreamException {
            start("cac", "PostalAddress");
            if (line != null && !line.isEmpty()) {
                cbc("StreetName", line);
            }
            if (city != null && !city.isEmpty()) {
                cbc("CityName", city);
            }
            if (postalCode != null && !postalCode.isEmpty()) {
                cbc("PostalZone", postalCode);
            }
            start("cac", "Country");
            cbc("IdentificationCode", country);
            end();
            end();
        }

        private void paymentMeans() throws XMLStreamException {
            start("cac", "PaymentMeans");
            cbc("PaymentMeansCode", "30");
            if (credit) {
                cbc("PaymentDueDate", d.dueDate().toString());
            }
            cbc("PaymentID", d.documentNo());
            start("cac", "PayeeFinancialAccount");
            cbc("ID", supplier.bankAccount());
            cbc("Name", supplier.bankName());
            end();
            end();
            start("cac", "PaymentTerms");
            cbc("Note", "Payment due by " + d.dueDate());
            end();
        }

        /** A total in SGD as PINT SG carries it: a document reference whose description is the amount. */
        private void sgdTotal(String typeCode, BigDecimal amount) throws XMLStreamException {
            start("cac", "AdditionalDocumentReference");
            cbc("ID", SGD);
            cbc("DocumentTypeCode", typeCode);
            cbc("DocumentDescription", amount.multiply(sign).toPlainString());
            end();
        }

        private void allowanceCharge(BigDecimal rounding) throws XMLStreamException {
            start("cac", "AllowanceCharge");
            cbc("ChargeIndicator", rounding.signum() > 0 ? "true" : "false");
            cbc("AllowanceChargeReason", "Rounding of usage to cents");
            amount("Amount", rounding.abs());
            taxCategory("TaxCategory");
            end();
        }

        private void line(DocumentLine line) throws XMLStreamException {
            start("cac", credit ? "CreditNoteLine" : "InvoiceLine");
            cbc("ID", Integer.toString(line.line()));
            BigDecimal amount = money(line.amount());
            // price × quantity = line amount: a negative line (a credit within an invoice) has a negative quantity
            BigDecimal quantity = amount.signum() < 0 ? line.quantity().negate() : line.quantity();
            xml.writeStartElement("cbc", credit ? "CreditedQuantity" : "InvoicedQuantity", CBC);
            xml.writeAttribute("unitCode", "C62");
            xml.writeCharacters(quantity.stripTrailingZeros().toPlainString());
            xml.writeEndElement();
            amount("LineExtensionAmount", amount);
            start("cac", "Item");
            cbc("Name", line.description());
            taxCategory("ClassifiedTaxCategory");
            end();
            start("cac", "Price");
            amount("PriceAmount", amount.abs());
            xml.writeStartElement("cbc", "BaseQuantity", CBC);
            xml.writeAttribute("unitCode", "C62");
            xml.writeCharacters(line.quantity().stripTrailingZeros().toPlainString());
            xml.writeEndElement();
            end();
            end();
        }

        private void taxCategory(String element) throws XMLStreamException {
            start("cac", element);
            cbc("ID", category);
            cbc("Percent", percent);
            start("cac", "TaxScheme");
            cbc("ID", "GST");
            end();
            end();
        }

        private void amount(String element, BigDecimal value) throws XMLStreamException {
            amount(element, value, currency);
        }

        private void amount(String element, BigDecimal value, String currencyId) throws XMLStreamException {
            xml.writeStartElement("cbc", element, CBC);
            xml.writeAttribute("currencyID", currencyId);
            xml.writeCharacters(value.toPlainString());
            xml.writeEndElement();
        }

        private void cbc(String element, String text) throws XMLStreamException {
            xml.writeStartElement("cbc", element, CBC);
            xml.writeCharacters(text);
            xml.writeEndElement();
        }

        private void start(String prefix, String element) throws XMLStreamException {
            xml.writeStartElement(prefix, element, CAC);
        }

        private void end() throws XMLStreamException {
            xml.writeEndElement();
        }
    }
}
