package com.billingrecon.documents;

import com.billingrecon.domain.PaymentTerms;
import com.billingrecon.documents.DocumentQueries.IssuedInvoice;
import com.billingrecon.documents.InvoiceDocument.DocumentLine;
import com.billingrecon.domain.Amounts;
import com.billingrecon.report.CsvReport;
import com.billingrecon.report.DayFolderPart;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Writes the documents of a day's folder when documents are asked for: {@code documents/<no>.pdf},
 * {@code einvoices/<no>.xml} and {@code invoice-lines.csv} for every invoice and credit note issued that day,
 * and, for a rerun, the credit notes that cancel superseded or void revisions and the new revisions' invoices.
 * Every document is a function of the ledger as of its day and of the configuration, so a folder written again
 * (after a crash, or by a catch-up) comes out byte for byte the same; a document once in a published folder is
 * never written again.
 */
@Component
public class DocumentWriter implements DayFolderPart {

    private static final Logger log = LoggerFactory.getLogger(DocumentWriter.class);

    public static final List<String> LINE_COLUMNS = List.of("invoice_no", "line", "description", "type", "quantity",
            "unit", "amount", "document_no");
    /** The columns revisions.csv gains when documents are written: which documents record the change. */
    public static final List<String> REVISION_DOCUMENT_COLUMNS = List.of("credit_note", "new_document");

    private final DocumentProperties properties;
    private final SupplierProperties supplier;
    private final DocumentQueries queries;
    private final DocumentRenderer renderer;
    private final PaymentTerms terms;

    public DocumentWriter(DocumentProperties properties, SupplierProperties supplier, DocumentQueries queries,
                          DocumentRenderer renderer, PaymentTerms terms) {
        this.terms = terms;
        this.properties = properties;
        this.supplier = supplier;
        this.queries = queries;
        this.renderer = renderer;
    }

    public boolean enabled() {
        return properties.enabled();
    }

    /**
     * Why documents cannot be written: the supplier's configuration keys not set, a template file that cannot be
     * read, a currency of an invoiced account (in the database or in {@code inputCurrencies}, those of the
     * run's accounts.csv) without an exchange rate to SGD; empty when they can (or are not asked for).
     */
    public List<String> configurationProblems(Collection<String> inputCurrencies) {
        if (!enabled()) {
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        supplier.missing().forEach(key -> problems.add(key + " is not set"));
        Set<String> currencies = new TreeSet<>(inputCurrencies);
        currencies.addAll(queries.invoicedCurrencies());
        properties.withoutRate(currencies).forEach(currency -> problems.add("billing-recon.documents.exchange-rates."
                + currency + " is not set (SGD for one " + currency + ": an e-invoice states GST in SGD)"));
        String template = properties.template();
        if (template != null && !template.isBlank() && !Files.isReadable(Path.of(template))) {
            problems.add("billing-recon.documents.template " + template + " is not a readable file");
        }
        return problems;
    }

    @Override
    public int writeInto(Path dir, LocalDate day) throws IOException {
        if (!enabled()) {
            return 0;
        }
        long start = System.nanoTime();
        int written;
        try (Output out = new Output(dir)) {
            queries.issuedOn(day, invoice -> out.add(issued(invoice)));
            written = out.documents;
            if (written > 0) {
                log.info("{} documents: {} PDFs and {} e-invoices", day, written, out.einvoices);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (written > 0) {
            log.info("{} documents: {} in {} s, {} documents/s", day, written, "%.1f".formatted(seconds),
                    Math.round(written / seconds));
        }
        return written;
    }

    /**
     * The documents of a rerun folder, and the rows of revisions.csv with the documents named: for each
     * revision row ({@code invoice_no, old_revision, new_revision, ...}) a credit note cancelling the old
     * revision, if there was one, and the new revision's invoice, if there is one.
     */
    public List<List<String>> writeRerun(Path dir, LocalDate issueDate, List<List<String>> revisions)
            throws IOException {
        if (!enabled()) {
            return revisions;
        }
        List<List<String>> named = new ArrayList<>();
        List<String> revised = new ArrayList<>();
        try (Output out = new Output(dir)) {
            for (List<String> row : revisions) {
                String invoiceNo = row.get(0);
                String creditNote = "";
                if (!row.get(1).isEmpty()) {
                    InvoiceDocument cancel = cancellation(queries.revision(invoiceNo, Integer.parseInt(row.get(1))),
                            issueDate);
                    out.add(cancel);
                    creditNote = cancel.documentNo();
                }
                String newDocument = "";
                if (!row.get(2).isEmpty()) {
                    revised.add(invoiceNo);
                    newDocument = InvoiceDocument.documentNo(invoiceNo, Integer.parseInt(row.get(2)));
                }
                List<String> withDocuments = new ArrayList<>(row);
                withDocuments.add(creditNote);
                withDocuments.add(newDocument);
                named.add(withDocuments);
            }
            queries.current(revised, invoice -> out.add(issued(invoice)));
            log.info("rerun documents: {} written ({} e-invoices)", out.documents, out.einvoices);
        }
        return named;
    }

    /** The document of an invoice revision as the register has it. */
    InvoiceDocument issued(IssuedInvoice i) {
        return new InvoiceDocument(InvoiceDocument.documentNo(i.invoiceNo(), i.revision()), i.invoiceNo(),
                i.revision(), i.kind(), i.period(), i.issueDate(), terms.dueDate(i.issueDate(), i.termsDays()), i.customer(),
                i.currency(), i.taxRate(), i.lines(), i.subtotal(), i.tax(), i.total(), i.paid(), i.open(), null,
                null);
    }

    /** A document that takes back every amount of a revision that a rerun superseded or voided. */
    InvoiceDocument cancellation(IssuedInvoice old, LocalDate issueDate) {
        String cancelled = InvoiceDocument.documentNo(old.invoiceNo(), old.revision());
        DocumentLine line = new DocumentLine(1, "Cancellation of " + cancelled, "CANCELLATION", BigDecimal.ONE, "item",
                old.subtotal().negate());
        return new InvoiceDocument(InvoiceDocument.creditNoteNo(old.invoiceNo(), old.revision()), old.invoiceNo(),
                old.revision(), old.kind(), old.period(), issueDate, terms.dueDate(issueDate, old.termsDays()), old.customer(),
                old.currency(), old.taxRate(), List.of(line), old.subtotal().negate(), old.tax().negate(),
                old.total().negate(), BigDecimal.ZERO, BigDecimal.ZERO, cancelled, old.issueDate());
    }

    /** The files of one folder's documents: PDFs and e-invoices rendered on the pool, lines written in order. */
    private final class Output implements AutoCloseable {
        private final Path pdfs;
        private final Path einvoiceDir;
        private final CsvReport.RowWriter lines;
        private final DocumentRenderer.Batch batch;
        int documents;
        int einvoices;

        Output(Path dir) throws IOException {
            this.pdfs = Files.createDirectories(dir.resolve("documents"));
            this.einvoiceDir = Files.createDirectories(dir.resolve("einvoices"));
            this.lines = CsvReport.open(dir.resolve("invoice-lines.csv"), LINE_COLUMNS);
            this.batch = renderer.batch();
        }

        void add(InvoiceDocument document) {
            try {
                for (DocumentLine line : document.lines()) {
                    lines.add(List.of(document.invoiceNo(), Integer.toString(line.line()), line.description(),
                            line.type(), Amounts.format(line.quantity()), line.unit(), Amounts.format(line.amount()),
                            document.documentNo()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            documents++;
            List<String> missing = EInvoiceXml.missing(document);
            if (missing.isEmpty()) {
                einvoices++;
            } else {
                log.warn("{}: no e-invoice, account {} has no {} in accounts.csv (PINT SG requires the buyer's address)",
                        document.documentNo(), document.customer().accountId(), String.join(" or ", missing));
            }
            batch.submit(document, supplier, pdfs, einvoiceDir);
        }

        @Override
        public void close() throws IOException {
            try {
                batch.finish();
            } finally {
                lines.close();
            }
        }
    }
}
