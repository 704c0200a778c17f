package com.billingrecon.documents;

import static org.assertj.core.api.Assertions.assertThat;

import com.billingrecon.documents.InvoiceDocument.Customer;
import com.billingrecon.documents.InvoiceDocument.DocumentLine;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

/** The renderers without a database: what one document becomes as a PDF and as an e-invoice. */
class DocumentRenderingTest {

    private static final SupplierProperties SUPPLIER = new SupplierProperties("Merlion Mobile Pte Ltd",
            "1 Fusionopolis Way", "Singapore", "138632", "SG", "M9-7654321-0", "200912345Z", null, null,
            "OCBC Bank", "501-123456-001");
    private static final Customer CUSTOMER = new Customer("S1", "Alpha Pte Ltd", "10 Alpha Road", "123456", "SG",
            "", "0195:SG201711111A", "");

    private static InvoiceDocument document(String number, List<DocumentLine> lines, String taxRate) {
        BigDecimal subtotal = lines.stream().map(DocumentLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal tax = subtotal.multiply(new BigDecimal(taxRate)).setScale(2, RoundingMode.HALF_UP);
        BigDecimal total = subtotal.add(tax);
        boolean credit = total.signum() < 0;
        return new InvoiceDocument(number, number, 1, "CONSOLIDATED", YearMonth.of(2026, 9), LocalDate.of(2026, 10, 1),
                LocalDate.of(2026, 10, 31), CUSTOMER, "SGD", new BigDecimal(taxRate), lines, subtotal, tax, total,
                BigDecimal.ZERO, credit ? BigDecimal.ZERO : total, null, null);
    }

    private static DocumentLine line(int n, String amount) {
        return new DocumentLine(n, "Calls (3, 2 min 05 s)", "CALL", BigDecimal.valueOf(3), "call", new BigDecimal(amount));
    }

    @Test
    void theSameDocumentRendersToTheSameBytesAndAnotherToAnotherFileIdentifier() throws Exception {
        DocumentRenderer renderer = new DocumentRenderer(new DocumentProperties(true, null, 1, Map.of()));
        InvoiceDocument one = document("INV-S1-202609-C", List.of(line(1, "12.5")), "0.09");
        byte[] first = renderer.pdf(one, SUPPLIER);
        assertThat(renderer.pdf(one, SUPPLIER)).isEqualTo(first);
        byte[] other = renderer.pdf(document("INV-S2-202609-C", List.of(line(1, "12.5")), "0.09"), SUPPLIER);
        try (PDDocument a = Loader.loadPDF(first); PDDocument b = Loader.loadPDF(other)) {
            assertThat(a.getDocument().getDocumentID()).isNotEqualTo(b.getDocument().getDocumentID());
            assertThat(a.getDocumentInformation().getCreationDate().toInstant())
                    .isEqualTo(one.issueDate().atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
        }
    }

    @Test
    void subCentUsageIsBroughtToTheRoundedSubtotalByARoundingLineAndStillValidates() throws Exception {
        // three lines of four decimals: each rounds, the sum of the rounded lines is a cent off the rounded subtotal
        InvoiceDocument d = document("INV-S1-202609-C", List.of(line(1, "0.0049"), line(2, "0.0049"), line(3, "0.0049")),
                "0.09");
        String xml = new String(EInvoiceXml.write(d, SUPPLIER, null), StandardCharsets.UTF_8);
        assertThat(EInvoiceRules.violations(xml.getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(xml).contains("<cbc:LineExtensionAmount currencyID=\"SGD\">0.00</cbc:LineExtensionAmount>",
                "<cbc:ChargeTotalAmount currencyID=\"SGD\">0.01</cbc:ChargeTotalAmount>",
                "<cbc:TaxExclusiveAmount currencyID=\"SGD\">0.01</cbc:TaxExclusiveAmount>");
    }

    @Test
    void aNegativeTotalIsACreditNoteWithPositiveAmountsThatValidates() throws Exception {
        InvoiceDocument d = document("INV-S1-202609-C", List.of(line(1, "5"),
                new DocumentLine(2, "Goodwill credit", "ADDON", BigDecimal.ONE, "item", new BigDecimal("-25"))), "0.09");
        assertThat(d.isCreditNote()).isTrue();
        String xml = new String(EInvoiceXml.write(d, SUPPLIER, null), StandardCharsets.UTF_8);
        assertThat(EInvoiceRules.violations(xml.getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(xml).contains("<CreditNote", "<cbc:CreditNoteTypeCode>381</cbc:CreditNoteTypeCode>",
                "<cbc:TaxInclusiveAmount currencyID=\"SGD\">" + d.total().negate().setScale(2) + "</cbc:TaxInclusiveAmount>");
        assertThat(DocumentTemplate.title(d)).isEqualTo("Credit Note");
    }

    @Test
    void aCreditNoteInYenStatesItsGstAndTotalsInSgdAsPositiveCentsAndValidates() throws Exception {
        Customer tokyo = new Customer("J1", "Sakura Kogyo K.K.", "1-1-1 Otemachi", "100-0004", "JP", "", "", "");
        InvoiceDocument d = new InvoiceDocument("CN-INV-J1-202609-C", "INV-J1-202609-C", 1, "CONSOLIDATED",
                YearMonth.of(2026, 9), LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), tokyo, "JPY",
                new BigDecimal("0.10"), List.of(new DocumentLine(1, "Cancellation of INV-J1-202609-C", "CANCELLATION",
                BigDecimal.ONE, "item", new BigDecimal("-12345.4"))), new BigDecimal("-12345.4"),
                new BigDecimal("-1235"), new BigDecimal("-13580.4"), BigDecimal.ZERO, BigDecimal.ZERO,
                "INV-J1-202609-C", LocalDate.of(2026, 9, 1));
        String xml = new String(EInvoiceXml.write(d, SUPPLIER, new BigDecimal("0.0089")), StandardCharsets.UTF_8);
        assertThat(EInvoiceRules.violations(xml.getBytes(StandardCharsets.UTF_8))).isEmpty();
        // 12345 yen (in yen's minor units) is 109.87 SGD; GST 1235 yen is 10.99 SGD
        assertThat(xml).contains("<cbc:DocumentCurrencyCode>JPY</cbc:DocumentCurrencyCode>",
                "<cbc:TaxCurrencyCode>SGD</cbc:TaxCurrencyCode>",
                "<cbc:TaxAmount currencyID=\"JPY\">1235</cbc:TaxAmount>",
                "<cbc:TaxAmount currencyID=\"SGD\">10.99</cbc:TaxAmount>",
                "<cbc:DocumentDescription>109.87</cbc:DocumentDescription>",
                "<cbc:DocumentDescription>120.86</cbc:DocumentDescription>",
                "<cbc:EndpointID schemeID=\"0195\">SGUNREG</cbc:EndpointID>");
    }

    @Test
    void aCustomerWithoutPeppolIdIsAddressedByItsUenOnlyWhenItIsASingaporeUen() {
        assertThat(EInvoiceXml.buyerEndpoint(new Customer("A", "A", "1 Road", "1", "SG", "201822222B", "", "")))
                .isEqualTo("0195:SGUEN201822222B");
        assertThat(EInvoiceXml.buyerEndpoint(new Customer("A", "A", "1 Road", "1", "", "T08LL1234A", "", "")))
                .as("another entity's UEN, no country given").isEqualTo("0195:SGUENT08LL1234A");
        assertThat(EInvoiceXml.buyerEndpoint(new Customer("A", "A", "1 Road", "1", "SG", "M2-1234567-8", "", "")))
                .as("a GST number that is no UEN").isEqualTo("0195:SGUNREG");
        assertThat(EInvoiceXml.buyerEndpoint(new Customer("A", "A", "1 Road", "1", "US", "201822222B", "", "")))
                .as("outside Singapore").isEqualTo("0195:SGUNREG");
        assertThat(EInvoiceXml.buyerEndpoint(new Customer("A", "A", "1 Road", "1", "SG", "201822222B",
                "0195:SGUEN201822222B", ""))).isEqualTo("0195:SGUEN201822222B");
    }

    @Test
    void aRenderedDocumentPassesVeraPdfsPdfA3bRulesWhereAPlainPdfFailsThem() throws Exception {
        DocumentRenderer renderer = new DocumentRenderer(new DocumentProperties(true, null, 1, Map.of()));
        byte[] rendered = renderer.pdf(document("INV-S1-202609-C", List.of(line(1, "12.5")), "0.09"), SUPPLIER);
        assertThat(PdfAValidation.failedRules(rendered)).isEmpty();
        java.io.ByteArrayOutputStream plain = new java.io.ByteArrayOutputStream();
        try (PDDocument document = new PDDocument()) {
            document.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            document.save(plain);
        }
        assertThat(PdfAValidation.failedRules(plain.toByteArray())).as("no XMP metadata, no output intent")
                .isNotEmpty();
    }

    @Test
    void droppingAFontTableKeepsEveryOtherTableReadable() throws Exception {
        byte[] ttf;
        try (var in = PDDocument.class.getResourceAsStream(InvoicePdf.FONT_RESOURCE)) {
            ttf = in.readAllBytes();
        }
        byte[] stripped = InvoicePdf.withoutTable(ttf, "GSUB");
        try (var original = new org.apache.fontbox.ttf.TTFParser().parse(
                new org.apache.pdfbox.io.RandomAccessReadBuffer(ttf));
             var font = new org.apache.fontbox.ttf.TTFParser().parse(
                     new org.apache.pdfbox.io.RandomAccessReadBuffer(stripped))) {
            assertThat(original.getTableMap()).containsKey("GSUB");
            assertThat(font.getTableMap().keySet()).isEqualTo(
                    original.getTableMap().keySet().stream().filter(t -> !t.equals("GSUB"))
                            .collect(java.util.stream.Collectors.toSet()));
            assertThat(font.getNumberOfGlyphs()).isEqualTo(original.getNumberOfGlyphs());
            assertThat(font.getUnicodeCmapLookup().getGlyphId('A'))
                    .isEqualTo(original.getUnicodeCmapLookup().getGlyphId('A'));
        }
    }
}
