package com.billingrecon.documents;

import com.billingrecon.documents.InvoiceDocument.DocumentLine;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The HTML of a document, from a Mustache template compiled once: the built-in one or a finance team's own
 * ({@code --invoice-template=FILE}). The names a template can use are those of {@link #model}; values are
 * HTML-escaped. A template must be well-formed XHTML, as the PDF renderer reads it as XML.
 */
public final class DocumentTemplate {

    static final String BUILT_IN = "/documents/invoice.html";

    private final Template template;

    private DocumentTemplate(String text) {
        this.template = Mustache.compiler().emptyStringIsFalse(true).compile(text);
    }

    /** The built-in template, or the file given; a missing file is the caller's usage error. */
    public static DocumentTemplate load(String file) {
        try {
            if (file == null || file.isBlank()) {
                try (InputStream in = DocumentTemplate.class.getResourceAsStream(BUILT_IN)) {
                    return new DocumentTemplate(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
            return new DocumentTemplate(Files.readString(Path.of(file), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the invoice template " + file, e);
        }
    }

    /** The HTML of a document; {@code sgdRate} (null for SGD) gives the figures in SGD of another currency's. */
    public String html(InvoiceDocument document, SupplierProperties supplier, BigDecimal sgdRate) {
        return template.execute(model(document, supplier, sgdRate));
    }

    /** Everything a template can show, as text ready to print. */
    static Map<String, Object> model(InvoiceDocument d, SupplierProperties supplier, BigDecimal sgdRate) {
        String currency = d.currency();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("title", title(d));
        model.put("numberLabel", d.isCreditNote() ? "Credit note no." : "Invoice no.");
        model.put("documentNo", d.documentNo());
        model.put("invoiceNo", d.invoiceNo());
        model.put("revision", d.revision());
        model.put("supplier", supplier);
        model.put("customer", d.customer());
        model.put("issueDate", d.issueDate().toString());
        model.put("dueDate", d.dueDate().toString());
        model.put("period", d.period().toString());
        model.put("currency", currency);
        model.put("cancels", d.cancels() == null ? "" : d.cancels());
        model.put("cancelsDate", d.cancelsDate() == null ? "" : d.cancelsDate().toString());
        List<Map<String, Object>> lines = d.lines().stream().map(line -> line(line, currency)).toList();
        model.put("lines", lines);
        model.put("subtotal", DocumentAmounts.shown(d.subtotal(), currency));
        model.put("gstRate", DocumentAmounts.percent(d.taxRate()));
        model.put("tax", DocumentAmounts.shown(d.tax(), currency));
        model.put("total", DocumentAmounts.shown(d.total(), currency));
        model.put("paid", DocumentAmounts.shown(d.paid(), currency));
        model.put("toPay", DocumentAmounts.shown(d.toPay(), currency));
        // IRAS: a tax invoice in a foreign currency also states its GST (and here its totals) in SGD
        if (sgdRate != null) {
            DocumentAmounts.InSgd sgd = DocumentAmounts.inSgd(d, sgdRate);
            Map<String, Object> inSgd = new LinkedHashMap<>();
            inSgd.put("rate", sgdRate.stripTrailingZeros().toPlainString());
            inSgd.put("subtotal", sgd.subtotal().toPlainString());
            inSgd.put("tax", sgd.tax().toPlainString());
            inSgd.put("total", sgd.total().toPlainString());
            model.put("sgd", inSgd);
        }
        return model;
    }

    /** IRAS: a tax invoice says "Tax Invoice"; a document with a negative total is a credit note. */
    static String title(InvoiceDocument d) {
        return d.isCreditNote() ? "Credit Note" : "Tax Invoice";
    }

    private static Map<String, Object> line(DocumentLine line, String currency) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("line", line.line());
        values.put("description", line.description());
        values.put("type", line.type());
        values.put("quantity", line.quantity().stripTrailingZeros().toPlainString());
        values.put("unit", line.unit());
        values.put("amount", DocumentAmounts.shown(line.amount(), currency));
        return values;
    }
}
