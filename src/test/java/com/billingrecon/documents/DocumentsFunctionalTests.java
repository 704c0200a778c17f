package com.billingrecon.documents;

import static org.assertj.core.api.Assertions.assertThat;

import com.billingrecon.cli.BillingRecon;
import com.billingrecon.job.ExitCode;
import com.billingrecon.support.Report;
import com.billingrecon.support.ReportFolders;
import com.billingrecon.support.Run;
import com.billingrecon.support.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The documents of a day's folder, end to end on a real PostgreSQL: given three SGD accounts (one per invoicing
 * mode) with Peppol ids or none, an SGD account known only by its UEN and a USD account with neither, with
 * September usage, charges and a payment, closed by a nightly run up to 2026-10-02 with a supplier
 * configured, every PDF shows the register's figures, every e-invoice passes the UBL 2.1 schema and PINT SG's
 * rules with the register's totals, and a rerun leaves issued documents alone and adds a credit note and a new
 * revision. Expected values are read from invoices.csv and accounts.csv, never from the documents.
 */
class DocumentsFunctionalTests {

    private static final String CDR_HEADER = "cdr_id,account_id,type,start_time,duration_s,amount,currency,status";
    private static final String CHARGES_HEADER = "charge_id,account_id,type,charge_date,amount,currency,description";
    private static final String PAYMENTS_HEADER =
            "payment_id,account_id,payment_date,amount,currency,method,invoice_ref";
    private static final String INVOICES_HEADER =
            "invoice_no,account_id,kind,period,charge_id,issue_date,revision,subtotal,tax,total,paid,open,status";
    private static final String LINES_HEADER = String.join(",", DocumentWriter.LINE_COLUMNS);
    private static final int TERMS_DAYS = 14;
    private static final String SUPPLIER_NAME = "Merlion Mobile Pte Ltd";
    private static final String SUPPLIER_ADDRESS = "1 Fusionopolis Way #10-01";
    private static final String SUPPLIER_GST = "M9-7654321-0";
    private static final String SUPPLIER_UEN = "200912345Z";
    private static final String USD_RATE = "1.35";

    /** One closed September for the tests that only read; a test that changes files or runs more has its own. */
    @TempDir
    static Path work;

    private static Path input;
    private static Path output;
    private static Path config;
    private static String db;

    @BeforeAll
    static void septemberClosedWithDocuments() throws IOException {
        input = Files.createDirectory(work.resolve("in"));
        output = work.resolve("out");
        lf("accounts.csv",
                "account_id,name,currency,invoicing_mode,credit_limit,tax_rate,billing_address,billing_postal_code,"
                        + "billing_country,tax_id,peppol_id,email",
                "S1,\"Alpha & Sons, Pte Ltd\",SGD,CONSOLIDATED_MONTHLY,500,0.09,10 Alpha Road,123456,SG,201711111A,"
                        + "0195:SG201711111A,ap@alpha.example",
                "S2,Beta Clinic,SGD,INDIVIDUAL_AND_MONTHLY,500,0.09,20 Beta Street,234567,SG,,0195:SG200011111B,",
                "S3,Gamma Florist,SGD,NO_INVOICE,500,0.09,30 Gamma Lane,345678,SG,,,gamma@example.com",
                "S4,Delta Works Pte Ltd,SGD,CONSOLIDATED_MONTHLY,500,0.09,40 Delta Road,456789,SG,201822222B,,",
                "S5,Epsilon Inc,USD,CONSOLIDATED_MONTHLY,500,0.09,50 Epsilon Avenue,94105,US,,,ap@epsilon.example");
        lf("cdr-2026-09-20.csv", CDR_HEADER,
                "U1,S1,CALL,2026-09-19T10:00:00Z,125,0.4567,SGD,COMPLETED",
                "U2,S1,CALL,2026-09-19T11:00:00Z,61,0.1234,SGD,COMPLETED",
                "U3,S1,SMS,2026-09-19T12:00:00Z,,0.05,SGD,COMPLETED",
                "U4,S2,CALL,2026-09-19T13:00:00Z,600,1.2,SGD,COMPLETED",
                "U5,S2,FAX,2026-09-19T14:00:00Z,30,0.333333,SGD,COMPLETED",
                "U6,S3,CALL,2026-09-19T15:00:00Z,60,3,SGD,COMPLETED",
                "U8,S4,CALL,2026-09-19T16:00:00Z,95,0.7777,SGD,COMPLETED",
                "U9,S5,CALL,2026-09-19T17:00:00Z,300,2.345,USD,COMPLETED",
                "U10,S5,SMS,2026-09-19T18:00:00Z,,0.0333,USD,COMPLETED");
        lf("charges-2026-09-21.csv", CHARGES_HEADER,
                "CH1,S1,SUBSCRIPTION,2026-09-21,30,SGD,Business plan 2026-09",
                "CH2,S2,ADDON,2026-09-21,20,SGD,Roaming pack",
                "CH3,S3,SUBSCRIPTION,2026-09-21,15,SGD,Plan",
                "CH4,S4,SUBSCRIPTION,2026-09-21,25,SGD,Business plan 2026-09",
                "CH5,S5,SUBSCRIPTION,2026-09-21,40,USD,Global plan 2026-09");
        lf("payments-2026-09-25.csv", PAYMENTS_HEADER,
                "P1,S2,2026-09-25,10,SGD,CARD,INV-S2-CH2");
        lf("cdr-2026-10-01.csv", CDR_HEADER,
                "U7,S1,NUMBER_ACTIVATION,2026-09-30T10:00:00Z,,5,SGD,COMPLETED");
        config = work.resolve("supplier.yaml");
        Files.writeString(config, """
                billing-recon:
                  payment-terms-days: %d
                  documents:
                    enabled: true
                    exchange-rates:
                      USD: %s
                  supplier:
                    name: %s
                    address-line: "%s"
                    city: Singapore
                    postal-code: "138632"
                    gst-number: %s
                    uen: %s
                    bank-name: OCBC Bank
                    bank-account: 501-123456-001
                """.formatted(TERMS_DAYS, USD_RATE, SUPPLIER_NAME, SUPPLIER_ADDRESS, SUPPLIER_GST, SUPPLIER_UEN));
        db = TestDatabase.freshDatabaseUrl();
        assertThat(Run.nightly(db, input, output, "2026-10-02", "--config=" + config)).isEqualTo(ExitCode.DONE);
    }

    @Test
    void everyPdfShowsTheRequiredFieldsWithTheFiguresOfTheInvoiceRegister() throws IOException {
        int checked = 0;
        for (Path folder : nightlyFolders()) {
            for (List<String> invoice : issuedThatDay(folder)) {
                String text = pdfText(folder.resolve("documents/" + invoice.get(0) + ".pdf"));
                LocalDate issued = LocalDate.parse(invoice.get(5));
                assertThat(text).contains("Tax Invoice", SUPPLIER_NAME, SUPPLIER_ADDRESS, SUPPLIER_GST, SUPPLIER_UEN,
                        invoice.get(0), customerName(invoice.get(1)), customerAddress(invoice.get(1)));
                assertThat(line(text, "Issue date")).contains(invoice.get(5));
                assertThat(line(text, "Due date")).contains(issued.plusDays(TERMS_DAYS).toString());
                assertThat(line(text, "Billing period")).contains(invoice.get(3));
                assertThat(amountOn(text, "Subtotal")).isEqualByComparingTo(invoice.get(7));
                String rate = new BigDecimal(accounts().get(invoice.get(1)).get(5)).movePointRight(2)
                        .stripTrailingZeros().toPlainString();
                assertThat(amountOn(text, "GST " + rate + "%")).isEqualByComparingTo(invoice.get(8));
                String currency = accounts().get(invoice.get(1)).get(2);
                assertThat(amountOn(text, "Total " + currency)).isEqualByComparingTo(invoice.get(9));
                assertThat(amountOn(text, "Amount paid")).isEqualByComparingTo(invoice.get(10));
                assertThat(amountOn(text, "Amount to pay")).isEqualByComparingTo(invoice.get(11));
                if (!currency.equals("SGD")) {
                    assertThat(amountOn(text, "GST in SGD")).isEqualByComparingTo(inSgd(invoice.get(8)));
                }
                checked++;
            }
        }
        assertThat(checked).as("INV-S2-CH2 on 09-21, INV-S1/S2/S4/S5-... on 10-01").isEqualTo(5);
    }

    @Test
    void everyPdfIsPdfA3bWithItsFontsEmbedded() throws IOException {
        for (Path pdf : files("documents", ".pdf")) {
            try (PDDocument document = Loader.loadPDF(Files.readAllBytes(pdf))) {
                String xmp = new String(document.getDocumentCatalog().getMetadata().toByteArray(), StandardCharsets.UTF_8);
                assertThat(xmp).as(pdf.toString()).containsPattern("pdfaid:part[^0-9]{1,3}3")
                        .containsPattern("pdfaid:conformance[^A-Z]{1,3}B");
                assertThat(document.getDocumentCatalog().getOutputIntents()).as("an sRGB output intent").hasSize(1);
                for (PDPage page : document.getPages()) {
                    for (var name : page.getResources().getFontNames()) {
                        PDFont font = page.getResources().getFont(name);
                        assertThat(font.isEmbedded()).as("font %s of %s", font.getName(), pdf).isTrue();
                    }
                }
            }
        }
    }

    @Test
    void everyPdfPassesVeraPdfsPdfA3bValidation() throws Exception {
        List<Path> pdfs = files("documents", ".pdf");
        assertThat(pdfs).isNotEmpty();
        for (Path pdf : pdfs) {
            assertThat(PdfAValidation.failedRules(Files.readAllBytes(pdf))).as(pdf.toString()).isEmpty();
        }
    }

    @Test
    void everyEInvoicePassesUblAndPintSgWithTheTotalsOfTheRegister() throws Exception {
        int checked = 0;
        for (Path folder : nightlyFolders()) {
            for (List<String> invoice : issuedThatDay(folder)) {
                byte[] xml = Files.readAllBytes(folder.resolve("einvoices/" + invoice.get(0) + ".xml"));
                assertThat(EInvoiceRules.violations(xml)).as(invoice.get(0)).isEmpty();
                String text = new String(xml, StandardCharsets.UTF_8);
                assertThat(element(text, "cbc:CustomizationID")).isEqualTo("urn:peppol:pint:billing-1@sg-1");
                assertThat(element(text, "cbc:ID")).isEqualTo(invoice.get(0));
                assertThat(element(text, "cbc:InvoiceTypeCode")).isEqualTo("380");
                assertThat(new BigDecimal(element(text, "cbc:TaxExclusiveAmount"))).isEqualTo(cents(invoice.get(7)));
                assertThat(new BigDecimal(element(text, "cbc:TaxAmount"))).isEqualTo(cents(invoice.get(8)));
                assertThat(new BigDecimal(element(text, "cbc:TaxInclusiveAmount"))).isEqualTo(cents(invoice.get(9)));
                assertThat(new BigDecimal(element(text, "cbc:PayableAmount")))
                        .isEqualTo(cents(invoice.get(9)).subtract(cents(invoice.get(10))));
                List<String> account = accounts().get(invoice.get(1));
                assertThat(element(text, "cbc:DocumentCurrencyCode")).isEqualTo(account.get(2));
                if (account.get(2).equals("SGD")) {
                    assertThat(text).doesNotContain("TaxCurrencyCode", "currencyID=\"USD\"");
                } else {
                    assertThat(element(text, "cbc:TaxCurrencyCode")).isEqualTo("SGD");
                    BigDecimal subtotalSgd = inSgd(invoice.get(7));
                    BigDecimal taxSgd = inSgd(invoice.get(8));
                    assertThat(text).contains("<cbc:TaxAmount currencyID=\"SGD\">" + taxSgd + "</cbc:TaxAmount>",
                            "<cbc:DocumentTypeCode>sgdtotal-excl-gst</cbc:DocumentTypeCode><cbc:DocumentDescription>"
                                    + subtotalSgd + "</cbc:DocumentDescription>",
                            "<cbc:DocumentTypeCode>sgdtotal-incl-gst</cbc:DocumentTypeCode><cbc:DocumentDescription>"
                                    + subtotalSgd.add(taxSgd) + "</cbc:DocumentDescription>");
                }
                checked++;
            }
        }
        assertThat(checked).isEqualTo(5);
    }

    @Test
    void everyDocumentHasAnEInvoiceAddressedByPeppolIdElseByUenElseAsABuyerNotOnTheNetwork() throws IOException {
        List<Path> pdfs = files("documents", ".pdf");
        assertThat(pdfs).hasSize(5);
        for (Path pdf : pdfs) {
            String name = pdf.getFileName().toString().replace(".pdf", "");
            Path xml = pdf.getParent().resolveSibling("einvoices").resolve(name + ".xml");
            assertThat(xml).as("the e-invoice of " + name).exists();
            String account = name.split("-")[1];
            String expected = switch (account) {
                case "S1", "S2" -> accounts().get(account).get(10).replace(":", "\">");
                case "S4" -> "0195\">SGUEN" + accounts().get(account).get(9);
                default -> "0195\">SGUNREG";
            };
            String customer = Files.readString(xml).split("<cac:AccountingCustomerParty>")[1];
            assertThat(customer).as(name).startsWith("<cac:Party><cbc:EndpointID schemeID=\"" + expected
                    + "</cbc:EndpointID>");
        }
    }

    @Test
    void invoiceLinesAddUpToEachInvoicesSubtotalAndSummariseUsageByType() {
        Path close = output.resolve("nightly-2026-10-01");
        List<List<String>> lines = Report.lines(close.resolve("invoice-lines.csv"), LINES_HEADER);
        for (List<String> invoice : issuedThatDay(close)) {
            BigDecimal sum = lines.stream().filter(l -> l.get(0).equals(invoice.get(0)))
                    .map(l -> new BigDecimal(l.get(6))).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(sum).as(invoice.get(0)).isEqualByComparingTo(invoice.get(7));
        }
        assertThat(lines.stream().filter(l -> l.get(0).equals("INV-S1-202609-C"))
                .map(l -> l.get(3) + " x" + l.get(4)).toList())
                .as("two calls, one SMS, one activation, the subscription")
                .containsExactly("CALL x2", "SMS x1", "NUMBER_ACTIVATION x1", "SUBSCRIPTION x1");
        assertThat(lines.stream().filter(l -> l.get(0).equals("INV-S1-202609-C") && l.get(3).equals("CALL"))
                .map(l -> l.get(2)).toList()).containsExactly("Calls (2, 3 min 06 s)");
    }

    @Test
    void anAccountThatIsNotInvoicedGetsNoDocument() throws IOException {
        try (Stream<Path> all = Files.walk(output)) {
            assertThat(all.map(p -> p.getFileName().toString()).filter(n -> n.contains("S3")).toList()).isEmpty();
        }
    }

    @Test
    void documentsWrittenDayByDayAreByteForByteThoseOfACatchUp() throws IOException {
        Path dayByDay = work.resolve("day-by-day");
        String other = TestDatabase.freshDatabaseUrl();
        for (String day : List.of("2026-09-21", "2026-09-30", "2026-10-01", "2026-10-02")) {
            assertThat(Run.nightly(other, input, dayByDay, day, "--config=" + config)).isEqualTo(ExitCode.DONE);
        }
        Map<String, byte[]> catchUp = ReportFolders.snapshot(output);
        assertThat(catchUp.keySet()).contains("nightly-2026-10-01/documents/INV-S1-202609-C.pdf",
                "nightly-2026-10-01/einvoices/INV-S1-202609-C.xml");
        ReportFolders.assertSameFiles(ReportFolders.snapshot(dayByDay), catchUp);
    }

    @Test
    void documentsAskedForWithoutASupplierAreAUsageErrorNamingTheMissingKeys() {
        Run.Outcome noFile = Run.capturingStderr(() -> Run.nightly(TestDatabase.freshDatabaseUrl(), input,
                work.resolve("elsewhere"), "2026-10-02", "--config=" + work.resolve("no-such.yaml")));
        assertThat(noFile.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(noFile.stderr()).contains("--config", "is not a readable file");

        String fresh = TestDatabase.freshDatabaseUrl();
        Path elsewhere = work.resolve("elsewhere");
        Run.Outcome outcome = Run.capturingStderr(() -> Run.nightly(fresh, input, elsewhere, "2026-10-02",
                "--documents"));
        assertThat(outcome.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(outcome.stderr()).contains("configuration is incomplete", "billing-recon.supplier.name is not set",
                "billing-recon.supplier.gst-number is not set");
        assertThat(Files.exists(elsewhere)).as("nothing written").isFalse();
    }

    @Test
    void documentsForAnAccountInACurrencyWithoutAnExchangeRateAreAUsageErrorNamingTheCurrency() throws IOException {
        Path noRates = work.resolve("no-rates.yaml");
        Files.writeString(noRates, Files.readString(config).replaceAll("    exchange-rates:\n      USD: [0-9.]+\n", ""));
        assertThat(Files.readString(noRates)).doesNotContain("exchange-rates").contains("supplier:");
        Path elsewhere = work.resolve("without-rates");
        Run.Outcome outcome = Run.capturingStderr(() -> Run.nightly(TestDatabase.freshDatabaseUrl(), input, elsewhere,
                "2026-10-02", "--config=" + noRates));
        assertThat(outcome.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(outcome.stderr()).contains("billing-recon.documents.exchange-rates.USD is not set")
                .doesNotContain("exchange-rates.SGD");
        assertThat(Files.exists(elsewhere)).as("nothing written").isFalse();
    }

    @Test
    void aRerunKeepsIssuedDocumentsAndAddsCreditNotesForChangedAndVoidInvoicesAndTheNewRevision() throws Exception {
        // given the same September closed: copies of its input, its folders and its database
        Path input = Files.createDirectory(work.resolve("rerun-in"));
        try (Stream<Path> files = Files.list(DocumentsFunctionalTests.input)) {
            for (Path file : files.toList()) {
                Files.copy(file, input.resolve(file.getFileName()));
            }
        }
        Path output = work.resolve("rerun-out");
        for (Map.Entry<String, byte[]> file : ReportFolders.snapshot(DocumentsFunctionalTests.output).entrySet()) {
            Path copy = output.resolve(file.getKey());
            Files.createDirectories(copy.getParent());
            Files.write(copy, file.getValue());
        }
        String db = TestDatabase.copyOf(DocumentsFunctionalTests.db);
        Map<String, byte[]> before = ReportFolders.snapshot(output);
        // given a corrected September call of S1
        lf(input, "cdr-2026-09-20.csv", CDR_HEADER,
                "U1,S1,CALL,2026-09-19T10:00:00Z,125,0.9567,SGD,COMPLETED",
                "U2,S1,CALL,2026-09-19T11:00:00Z,61,0.1234,SGD,COMPLETED",
                "U3,S1,SMS,2026-09-19T12:00:00Z,,0.05,SGD,COMPLETED",
                "U4,S2,CALL,2026-09-19T13:00:00Z,600,1.2,SGD,COMPLETED",
                "U5,S2,FAX,2026-09-19T14:00:00Z,30,0.333333,SGD,COMPLETED",
                "U6,S3,CALL,2026-09-19T15:00:00Z,60,3,SGD,COMPLETED",
                "U8,S4,CALL,2026-09-19T16:00:00Z,95,0.7777,SGD,COMPLETED",
                "U9,S5,CALL,2026-09-19T17:00:00Z,300,2.345,USD,COMPLETED",
                "U10,S5,SMS,2026-09-19T18:00:00Z,,0.0333,USD,COMPLETED");

        // and S2's roaming pack withdrawn: its individual invoice no longer arises
        lf(input, "charges-2026-09-21.csv", CHARGES_HEADER,
                "CH1,S1,SUBSCRIPTION,2026-09-21,30,SGD,Business plan 2026-09",
                "CH3,S3,SUBSCRIPTION,2026-09-21,15,SGD,Plan",
                "CH4,S4,SUBSCRIPTION,2026-09-21,25,SGD,Business plan 2026-09",
                "CH5,S5,SUBSCRIPTION,2026-09-21,40,USD,Global plan 2026-09");

        // when September is re-run
        assertThat(Run.rerun(db, input, output, "2026-09", "--config=" + config)).isEqualTo(ExitCode.DONE);

        // then the nightly folders, documents included, are as they were
        Map<String, byte[]> after = ReportFolders.snapshot(output);
        after.keySet().removeIf(name -> name.startsWith("rerun-"));
        ReportFolders.assertSameFiles(after, before);
        // and the rerun folder names and holds a cancelling credit note and the new revision's invoice
        Path rerun = output.resolve("rerun-2026-09");
        List<List<String>> revisions = Report.lines(rerun.resolve("revisions.csv"),
                "invoice_no,old_revision,new_revision,old_total,new_total,credit_note,new_document");
        assertThat(revisions).hasSize(2);
        assertThat(revisions.get(1)).as("the withdrawn charge's invoice is VOID and cancelled")
                .containsExactly("INV-S2-CH2", "1", "", revisions.get(1).get(3), "", "CN-INV-S2-CH2", "");
        String voidCredit = pdfText(rerun.resolve("documents/CN-INV-S2-CH2.pdf"));
        assertThat(voidCredit).contains("Credit Note", "Cancellation of INV-S2-CH2");
        assertThat(amountOn(voidCredit, "Total SGD")).isEqualByComparingTo(new BigDecimal(revisions.get(1).get(3)).negate());
        assertThat(EInvoiceRules.violations(Files.readAllBytes(rerun.resolve("einvoices/CN-INV-S2-CH2.xml")))).isEmpty();
        List<String> revision = revisions.get(0);
        assertThat(revision.subList(0, 3)).containsExactly("INV-S1-202609-C", "1", "2");
        assertThat(revision.subList(5, 7)).containsExactly("CN-INV-S1-202609-C", "INV-S1-202609-C-R2");
        String credit = pdfText(rerun.resolve("documents/CN-INV-S1-202609-C.pdf"));
        assertThat(credit).contains("Credit Note", "INV-S1-202609-C");
        assertThat(amountOn(credit, "Total SGD")).isEqualByComparingTo(new BigDecimal(revision.get(3)).negate());
        byte[] creditXml = Files.readAllBytes(rerun.resolve("einvoices/CN-INV-S1-202609-C.xml"));
        assertThat(EInvoiceRules.violations(creditXml)).isEmpty();
        String creditText = new String(creditXml, StandardCharsets.UTF_8);
        assertThat(element(creditText, "cbc:CreditNoteTypeCode")).isEqualTo("381");
        assertThat(creditText).contains("<cac:BillingReference><cac:InvoiceDocumentReference><cbc:ID>INV-S1-202609-C"
                + "</cbc:ID>");
        assertThat(new BigDecimal(element(creditText, "cbc:TaxInclusiveAmount"))).isEqualTo(cents(revision.get(3)));
        String revised = pdfText(rerun.resolve("documents/INV-S1-202609-C-R2.pdf"));
        assertThat(amountOn(revised, "Total SGD")).isEqualByComparingTo(revision.get(4));
        assertThat(EInvoiceRules.violations(Files.readAllBytes(rerun.resolve("einvoices/INV-S1-202609-C-R2.xml"))))
                .isEmpty();
        try (Stream<Path> pdfs = Files.list(rerun.resolve("documents"))) {
            assertThat(pdfs.count()).as("two credit notes and the new revision").isEqualTo(3);
        }
    }

    @Test
    void itemiseStreamsEveryCdrAndChargeBehindAnInvoice() {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        ExitCode exit;
        try (PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            System.setOut(out);
            exit = BillingRecon.run("itemise", "--invoice=INV-S1-202609-C", "--db-url=" + db, "--db-user=postgres");
        } finally {
            System.setOut(original);
        }
        assertThat(exit).isEqualTo(ExitCode.DONE);
        List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).isEqualTo(String.join(",", Itemiser.COLUMNS));
        List<String> ids = lines.stream().skip(1).map(l -> l.split(",")[2]).toList();
        assertThat(ids).containsExactlyInAnyOrder("CH1", "U1", "U2", "U3", "U7");
        BigDecimal sum = lines.stream().skip(1).map(l -> new BigDecimal(l.split(",")[6]))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        List<String> invoice = issuedThatDay(output.resolve("nightly-2026-10-01")).stream()
                .filter(i -> i.get(0).equals("INV-S1-202609-C")).findFirst().orElseThrow();
        assertThat(sum).isEqualByComparingTo(invoice.get(7));
    }

    // --- reading the register and the documents

    private static List<Path> nightlyFolders() throws IOException {
        try (Stream<Path> folders = Files.list(output)) {
            return folders.filter(p -> p.getFileName().toString().startsWith("nightly-")).sorted().toList();
        }
    }

    /** The register rows of a nightly folder whose issue date is that folder's day. */
    private static List<List<String>> issuedThatDay(Path folder) {
        String day = folder.getFileName().toString().substring("nightly-".length());
        return Report.lines(folder.resolve("invoices.csv"), INVOICES_HEADER).stream()
                .filter(row -> row.get(5).equals(day)).toList();
    }

    private static List<Path> files(String folder, String suffix) throws IOException {
        try (Stream<Path> all = Files.walk(output)) {
            return all.filter(p -> p.getParent().getFileName().toString().equals(folder))
                    .filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }

    private static Map<String, List<String>> accounts() {
        Map<String, List<String>> accounts = new TreeMap<>();
        Report.read(input.resolve("accounts.csv")).lines().forEach(r -> accounts.put(r.get(0), r));
        return accounts;
    }

    private static String customerName(String accountId) {
        return accounts().get(accountId).get(1);
    }

    private static String customerAddress(String accountId) {
        return accounts().get(accountId).get(6);
    }

    private static String pdfText(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(Files.readAllBytes(pdf))) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(document);
        }
    }

    /** The rest of the text line that holds {@code label}, from the label on (cells of a row share a line). */
    private static String line(String text, String label) {
        return text.lines().filter(l -> l.contains(label)).map(l -> l.substring(l.indexOf(label))).findFirst()
                .orElseThrow(() -> new AssertionError("no line holding '" + label + "' in:\n" + text));
    }

    private static final Pattern LAST_NUMBER = Pattern.compile("(-?[0-9]+(\\.[0-9]+)?)\\s*$");

    /** The amount at the end of the line that begins with {@code label}. */
    private static BigDecimal amountOn(String text, String label) {
        String line = line(text, label);
        Matcher number = LAST_NUMBER.matcher(line);
        assertThat(number.find()).as("an amount at the end of '%s'", line).isTrue();
        return new BigDecimal(number.group(1));
    }

    private static String element(String xml, String name) {
        Matcher m = Pattern.compile("<" + name + "(?: [^>]*)?>([^<]*)</" + name + ">").matcher(xml);
        assertThat(m.find()).as("%s in the e-invoice", name).isTrue();
        return m.group(1);
    }

    /** A register amount in SGD as PINT SG wants it: in cents, converted at the configured rate, in cents. */
    private static BigDecimal inSgd(String amount) {
        return cents(amount).multiply(new BigDecimal(USD_RATE)).setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal cents(String amount) {
        return new BigDecimal(amount).setScale(2, RoundingMode.HALF_UP);
    }

    private static void lf(String name, String... lines) throws IOException {
        lf(input, name, lines);
    }

    private static void lf(Path dir, String name, String... lines) throws IOException {
        Files.writeString(dir.resolve(name), Arrays.stream(lines).collect(Collectors.joining("\n", "", "\n")),
                StandardCharsets.UTF_8);
    }

}
